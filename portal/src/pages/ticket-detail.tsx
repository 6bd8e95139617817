import { useState } from 'preact/hooks';
import { SlaClock } from '../components/sla';
import { ErrorNotice, Field, Link, Loading, Page, Status, UserErrors, value } from '../components/ui';
import {
  MoveTicketDocument,
  RateServiceTicketDocument,
  ReplyTicketDocument,
  TicketDetailDocument,
  type TicketFullFragment,
  type TicketStatus,
} from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useI18n } from '../lib/i18n';

const SERVICE_MOVES: Partial<Record<TicketStatus, TicketStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED'],
  IN_PROGRESS: ['WAITING_CUSTOMER', 'RESOLVED'],
  WAITING_CUSTOMER: ['IN_PROGRESS', 'RESOLVED'],
};
const REQUESTER_MOVES: Partial<Record<TicketStatus, TicketStatus[]>> = {
  OPEN: ['CLOSED'],
  IN_PROGRESS: ['CLOSED'],
  WAITING_CUSTOMER: ['CLOSED'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: ['OPEN'],
};

type Payload = { ticket?: TicketFullFragment | null; userErrors: readonly UserErrorLike[] };

export default function TicketDetail(props: { id: string }) {
  const { t, l, lang } = useI18n();
  const { me, refreshMe } = useApp();
  const q = useQuery(TicketDetailDocument, { id: props.id });
  const [ticket, setTicket] = useState<TicketFullFragment | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [rating, setRating] = useState(0);
  const [ratingComment, setRatingComment] = useState('');
  const reply = useMutation(ReplyTicketDocument);
  const move = useMutation(MoveTicketDocument);
  const rate = useMutation(RateServiceTicketDocument);

  const tk = ticket ?? q.data?.ticket ?? null;
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  if (!tk) {
    return (
      <Page title={t('notFound')}>
        <Link to="tickets">{t('back')}</Link>
      </Page>
    );
  }
  const requester = tk.requester.id === me!.account.id;
  const service = !requester;
  const moves = [
    ...(service ? (SERVICE_MOVES[tk.status] ?? []) : []),
    ...(requester ? (REQUESTER_MOVES[tk.status] ?? []) : []),
  ];
  const open = tk.status !== 'RESOLVED' && tk.status !== 'CLOSED';

  function after(payload: Payload | null): boolean {
    if (!payload) return false;
    setErrors(payload.userErrors);
    if (payload.ticket) {
      setTicket(payload.ticket);
      refreshMe();
      return true;
    }
    return false;
  }

  return (
    <Page title={`${tk.number} · ${tk.subject}`}>
      <div class="card summary">
        <p>
          <Status value={tk.status} /> {l(tk.kind)} · {t('priority')}: {l(tk.priority)} · {dateTime(lang, tk.createdAt)}
        </p>
        <dl class="kv">
          <dt>{t('requester')}</dt>
          <dd>{tk.requester.name}</dd>
          <dt>{t('assignee')}</dt>
          <dd>
            {tk.assignee.name}
            {tk.assignee.servicePhone ? ` · ${tk.assignee.servicePhone}` : ''}
          </dd>
          {tk.order ? (
            <>
              <dt>{t('order')}</dt>
              <dd>
                <Link to={`orders/${encodeURIComponent(tk.order.id)}`}>{tk.order.number}</Link>
              </dd>
            </>
          ) : null}
          {tk.lines.length ? (
            <>
              <dt>{t('returnLines')}</dt>
              <dd>{tk.lines.map((x) => `${x.sku} × ${x.quantity}`).join(', ')}</dd>
            </>
          ) : null}
          {tk.rating ? (
            <>
              <dt>{t('rating')}</dt>
              <dd>
                {t('stars', { n: tk.rating })}
                {tk.ratingComment ? ` · ${tk.ratingComment}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
        {open ? (
          <p class="clocks">
            <SlaClock label={t('firstResponse')} due={tk.firstResponseDueAt} doneAt={tk.firstRespondedAt} />{' '}
            <SlaClock label={t('resolution')} due={tk.resolveDueAt} doneAt={tk.resolvedAt} />
            {tk.slaBreached ? <span class="badge danger">{t('slaBreached')}</span> : null}
          </p>
        ) : null}
      </div>

      <UserErrors errors={errors} />
      <ErrorNotice error={reply.error ?? move.error ?? rate.error} />

      {moves.length ? (
        <div class="actions" role="group" aria-label={t('moveTo')}>
          {moves.map((s) => (
            <button
              key={s}
              type="button"
              disabled={move.busy}
              onClick={async () => {
                const r = await move.run({ id: tk.id, status: s });
                after(r.ok ? r.data.setTicketStatus : null);
              }}
            >
              {s === 'OPEN' ? t('reopen') : s === 'CLOSED' ? t('closeTicket') : `${t('moveTo')}: ${l(s)}`}
            </button>
          ))}
        </div>
      ) : null}

      <h2>{t('conversation')}</h2>
      <ol class="conversation">
        {tk.comments.map((c) => (
          <li key={c.id} class={c.internal ? 'internal' : ''}>
            <p class="meta">
              <strong>{c.author}</strong> · <time dateTime={c.createdAt}>{dateTime(lang, c.createdAt)}</time>
              {c.internal ? <span class="badge warn">{t('internal')}</span> : null}
            </p>
            <p class="body">{c.body}</p>
          </li>
        ))}
      </ol>

      {tk.status !== 'CLOSED' ? (
        <form
          class="card"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await reply.run({ input: { ticketId: tk.id, body: body.trim(), internal: service && internal } });
            if (after(r.ok ? r.data.commentTicket : null)) {
              setBody('');
              setInternal(false);
            }
          }}
        >
          <Field label={t('reply')} id="reply">
            <textarea id="reply" rows={3} required maxLength={5000} value={body} onInput={(e) => setBody(value(e))} />
          </Field>
          {service ? (
            <label class="check">
              <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />{' '}
              {t('internalNote')}
            </label>
          ) : null}
          <button type="submit" class="primary" disabled={reply.busy || !body.trim()}>
            {t('send')}
          </button>
        </form>
      ) : null}

      {requester && !tk.rating && (tk.status === 'RESOLVED' || tk.status === 'CLOSED') ? (
        <form
          class="card"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await rate.run({
              input: { ticketId: tk.id, rating, comment: ratingComment.trim() || undefined },
            });
            after(r.ok ? r.data.rateTicket : null);
          }}
        >
          <fieldset>
            <legend>{t('rate')}</legend>
            <div class="stars">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n}>
                  <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />{' '}
                  {t('stars', { n })}
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={t('ratingComment')} id="rating-comment">
            <input
              id="rating-comment"
              maxLength={1000}
              value={ratingComment}
              onInput={(e) => setRatingComment(value(e))}
            />
          </Field>
          <button type="submit" class="primary" disabled={rate.busy || !rating}>
            {t('submit')}
          </button>
        </form>
      ) : null}

      <h2>{t('timeline')}</h2>
      <ol class="timeline">
        {tk.events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{dateTime(lang, e.at)}</time> <strong>{e.status ? l(e.status) : e.kind}</strong>
            {e.actor ? ` · ${e.actor}` : ''}
            {e.note ? ` · ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </Page>
  );
}
