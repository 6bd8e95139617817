import { useState } from 'preact/hooks';
import { ErrorNotice, Field, Page, UserErrors, value } from '../components/ui';
import { OpenServiceTicketDocument, OrderDetailDocument, type TicketKind, type TicketPriority } from '../gql/graphql';
import { useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { navigate } from '../lib/router';

const KINDS: TicketKind[] = ['INSTALLATION', 'REPAIR', 'RETURN', 'EXCHANGE', 'COMPLAINT', 'INQUIRY'];
const PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** Opens a ticket, optionally on one of the buyer's orders (and, for returns and exchanges, on its lines). */
export default function NewTicket(props: { orderId: string | null }) {
  const { t, l } = useI18n();
  const order = useQuery(OrderDetailDocument, { id: props.orderId ?? '' }, { skip: !props.orderId });
  const [kind, setKind] = useState<TicketKind>(props.orderId ? 'INSTALLATION' : 'INQUIRY');
  const [priority, setPriority] = useState<TicketPriority>('NORMAL');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [lines, setLines] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const open = useMutation(OpenServiceTicketDocument);
  const o = order.data?.order;
  const withLines = kind === 'RETURN' || kind === 'EXCHANGE';

  async function submit(e: Event) {
    e.preventDefault();
    const picked = Object.entries(lines)
      .filter(([, q]) => q > 0)
      .map(([sku, quantity]) => ({ sku, quantity }));
    const r = await open.run({
      input: {
        kind,
        priority,
        subject: subject.trim(),
        body: body.trim(),
        orderId: props.orderId ?? undefined,
        lines: withLines && picked.length ? picked : undefined,
      },
    });
    if (!r.ok) return;
    setErrors(r.data.openTicket.userErrors);
    const tk = r.data.openTicket.ticket;
    if (tk) navigate(`tickets/${encodeURIComponent(tk.id)}`);
  }

  return (
    <Page title={t('newTicket')}>
      <form class="card" onSubmit={submit}>
        {o ? (
          <p>
            {t('order')}: <strong>{o.number}</strong>
          </p>
        ) : null}
        <ErrorNotice error={order.error} />
        <Field label={t('kind')} id="kind">
          <select id="kind" value={kind} onChange={(e) => setKind(value(e) as TicketKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {l(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('priority')} id="priority">
          <select id="priority" value={priority} onChange={(e) => setPriority(value(e) as TicketPriority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {l(p)}
              </option>
            ))}
          </select>
        </Field>
        {withLines && o ? (
          <fieldset>
            <legend>{t('returnLines')}</legend>
            {o.lines.map((line) => (
              <div class="field row" key={line.sku}>
                <label for={`rl-${line.sku}`}>
                  {line.sku} · {line.variant.product.name} (≤ {line.quantity})
                </label>
                <input
                  id={`rl-${line.sku}`}
                  type="number"
                  min={0}
                  max={line.quantity}
                  value={lines[line.sku] ?? 0}
                  onInput={(e) => setLines({ ...lines, [line.sku]: Math.max(0, Math.floor(Number(value(e)) || 0)) })}
                />
              </div>
            ))}
          </fieldset>
        ) : null}
        <Field label={t('subject')} id="subject">
          <input id="subject" required maxLength={200} value={subject} onInput={(e) => setSubject(value(e))} />
        </Field>
        <Field label={t('description')} id="body">
          <textarea id="body" required rows={5} maxLength={5000} value={body} onInput={(e) => setBody(value(e))} />
        </Field>
        <UserErrors errors={errors} />
        <ErrorNotice error={open.error} />
        <button type="submit" class="primary" disabled={open.busy}>
          {t('submit')}
        </button>
      </form>
    </Page>
  );
}
