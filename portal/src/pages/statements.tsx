import { useState } from 'preact/hooks';
import { Empty, ErrorNotice, Field, Loading, Money, Page, Status, UserErrors, value } from '../components/ui';
import {
  DecideMyStatementDocument,
  MyMoneyDocument,
  RequestMyInvoiceDocument,
  StatementCsvDocument,
  type InvoiceType,
  type MyMoneyQuery,
} from '../gql/graphql';
import { hasRole, useApp } from '../lib/app';
import { request } from '../lib/client';
import { date } from '../lib/format';
import { toApiError, useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import type { ApiError } from '../lib/client';

type Statement = NonNullable<NonNullable<MyMoneyQuery['account']>['statements']>[number];

/** 对账与开票: the account's credit, its statements (confirm or dispute) and invoice requests (V5: ADMIN and FINANCE). */
export default function Statements() {
  const { t, l, lang } = useI18n();
  const { me } = useApp();
  const allowed = hasRole(me, 'FINANCE');
  const q = useQuery(MyMoneyDocument, { accountId: me!.account.id }, { skip: !allowed });
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [csvError, setCsvError] = useState<ApiError | null>(null);

  if (!allowed) {
    return (
      <Page title={t('statementsTitle')}>
        <p class="notice info">{t('financeOnly')}</p>
      </Page>
    );
  }
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  const a = q.data?.account;
  if (!a) return <ErrorNotice error={toApiError(new Error('account'))} />;

  async function download(s: Statement) {
    setCsvError(null);
    try {
      const { data } = await request(StatementCsvDocument, { id: s.id });
      const node = data.node;
      if (!node || !('csv' in node)) return;
      const url = URL.createObjectURL(new Blob([node.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${node.number}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setCsvError(toApiError(e));
    }
  }

  const current = (a.statements ?? []).filter((s) => s.status !== 'SUPERSEDED');
  return (
    <Page title={t('statementsTitle')}>
      <div class="card summary">
        <dl class="kv">
          <dt>{t('balance')}</dt>
          <dd>
            <Money amount={a.balance?.amount} />
          </dd>
          {a.credit ? (
            <>
              <dt>{t('creditLimit')}</dt>
              <dd>
                <Money amount={a.credit.limit.amount} />
              </dd>
              <dt>{t('creditUsed')}</dt>
              <dd>
                <Money amount={a.credit.used.amount} />
              </dd>
              <dt>{t('creditAvailable')}</dt>
              <dd>
                <Money amount={a.credit.available.amount} />
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <UserErrors errors={errors} />
      <ErrorNotice error={csvError} />
      <h2>{t('statementsTitle')}</h2>
      {!current.length ? <Empty /> : null}
      <ul class="plain">
        {current.map((s) => (
          <StatementCard
            key={s.id}
            s={s}
            onDecided={(errs) => (setErrors(errs), errs.length ? null : q.reload())}
            onCsv={() => download(s)}
          />
        ))}
      </ul>
      <h2>{t('invoicesTitle')}</h2>
      {a.invoiceRequests?.length ? (
        <table class="list">
          <caption class="sr-only">{t('invoicesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('invoiceTitle')}</th>
              <th scope="col">{t('amount')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('invoiceNumber')}</th>
            </tr>
          </thead>
          <tbody>
            {a.invoiceRequests.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.number}</th>
                <td>{date(lang, i.createdAt)}</td>
                <td>
                  {i.title} · {l(i.type)}
                </td>
                <td class="num">
                  <Money amount={i.amount.amount} />
                </td>
                <td>
                  {i.status === 'ISSUED' ? (
                    <span class="badge status-completed">{t('invIssued')}</span>
                  ) : (
                    <Status value={i.status} />
                  )}
                  {i.rejectReason ? ` · ${i.rejectReason}` : ''}
                </td>
                <td>{i.invoiceNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty />
      )}
      <InvoiceForm statements={current} onDone={q.reload} />
    </Page>
  );
}

function StatementCard(props: {
  s: Statement;
  onDecided: (errors: readonly UserErrorLike[]) => void;
  onCsv: () => void;
}) {
  const { t, lang } = useI18n();
  const { s } = props;
  const decide = useMutation(DecideMyStatementDocument);
  const [reason, setReason] = useState('');
  const id = `st-${s.id}`;
  async function run(decision: 'CONFIRM' | 'DISPUTE') {
    const r = await decide.run({ id: s.id, decision, reason: decision === 'DISPUTE' ? reason.trim() : undefined });
    if (r.ok) props.onDecided(r.data.decideStatement.userErrors);
  }
  return (
    <li class="card" data-statement={s.number}>
      <h3>
        {s.number} <Status value={s.status} />
      </h3>
      <p>
        {t('period')}: {date(lang, s.periodStart)} – {date(lang, s.periodEnd)} · {t('opening')}{' '}
        <Money amount={s.openingBalance.amount} /> · {t('closing')}{' '}
        <strong>
          <Money amount={s.closingBalance.amount} />
        </strong>{' '}
        · {s.orderCount} / {s.paymentCount}
      </p>
      {s.disputeReason ? (
        <p class="muted">
          {t('disputeReason')}: {s.disputeReason}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" onClick={props.onCsv}>
          {t('downloadCsv')}
        </button>
        {s.status === 'ISSUED' ? (
          <>
            <button type="button" class="primary" disabled={decide.busy} onClick={() => run('CONFIRM')}>
              {t('confirmStatement')}
            </button>
            <form
              class="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run('DISPUTE');
              }}
            >
              <Field label={t('disputeReason')} id={`${id}-reason`}>
                <input
                  id={`${id}-reason`}
                  required
                  maxLength={1000}
                  value={reason}
                  onInput={(e) => setReason(value(e))}
                />
              </Field>
              <button type="submit" disabled={decide.busy}>
                {t('disputeStatement')}
              </button>
            </form>
          </>
        ) : null}
      </div>
      <ErrorNotice error={decide.error} />
    </li>
  );
}

function InvoiceForm(props: { statements: Statement[]; onDone: () => void }) {
  const { t, l } = useI18n();
  const req = useMutation(RequestMyInvoiceDocument);
  const [statementId, setStatementId] = useState('');
  const [amount, setAmount] = useState('');
  const [title, setTitle] = useState('');
  const [taxId, setTaxId] = useState('');
  const [type, setType] = useState<InvoiceType>('GENERAL_VAT');
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [done, setDone] = useState(false);
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        setDone(false);
        const r = await req.run({
          input: {
            statementId: statementId || undefined,
            amount: amount.trim(),
            title: title.trim(),
            taxId: taxId.trim(),
            type,
          },
        });
        if (!r.ok) return;
        setErrors(r.data.requestInvoice.userErrors);
        if (r.data.requestInvoice.invoice) {
          setDone(true);
          props.onDone();
        }
      }}
    >
      <h3>{t('requestInvoice')}</h3>
      <Field label={t('statement')} id="inv-statement">
        <select id="inv-statement" required value={statementId} onChange={(e) => setStatementId(value(e))}>
          <option value="">—</option>
          {props.statements
            .filter((s) => s.status === 'ISSUED' || s.status === 'CONFIRMED')
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.number}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('amount')} id="inv-amount">
        <input
          id="inv-amount"
          required
          inputMode="decimal"
          pattern="\d+(\.\d{1,2})?"
          maxLength={20}
          value={amount}
          onInput={(e) => setAmount(value(e))}
        />
      </Field>
      <Field label={t('invoiceTitle')} id="inv-title">
        <input id="inv-title" required maxLength={200} value={title} onInput={(e) => setTitle(value(e))} />
      </Field>
      <Field label={t('taxId')} id="inv-tax">
        <input id="inv-tax" required maxLength={30} value={taxId} onInput={(e) => setTaxId(value(e))} />
      </Field>
      <Field label={t('invoiceType')} id="inv-type">
        <select id="inv-type" value={type} onChange={(e) => setType(value(e) as InvoiceType)}>
          {(['GENERAL_VAT', 'SPECIAL_VAT'] as const).map((x) => (
            <option key={x} value={x}>
              {l(x)}
            </option>
          ))}
        </select>
      </Field>
      <UserErrors errors={errors} />
      <ErrorNotice error={req.error} />
      {done ? (
        <p class="notice ok" role="status">
          {t('requested')}
        </p>
      ) : null}
      <button type="submit" class="primary" disabled={req.busy}>
        {t('requestInvoice')}
      </button>
    </form>
  );
}
