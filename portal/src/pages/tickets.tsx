import { useState } from 'preact/hooks';
import { SlaClock } from '../components/sla';
import { Empty, ErrorNotice, Link, Loading, More, Page, Status, value } from '../components/ui';
import { TicketListDocument, type TicketStatus } from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { usePaged } from '../lib/paged';

const STATUSES: TicketStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED'];

/** A buyer's own tickets, or the service queue: tickets assigned to the viewer's account, with their SLA clocks. */
export default function Tickets(props: { mode: 'mine' | 'queue' }) {
  const { t, l, lang } = useI18n();
  const { me } = useApp();
  const [status, setStatus] = useState<TicketStatus | ''>('');
  const [breached, setBreached] = useState(false);
  const queue = props.mode === 'queue';
  const filter = {
    ...(queue ? { assigneeId: me!.account.id } : { requesterId: me!.account.id }),
    status: status || undefined,
    slaBreached: breached || undefined,
  };
  const tickets = usePaged(TicketListDocument, { first: 25, filter, after: null }, (d) => d.tickets);

  return (
    <Page
      title={queue ? t('queueTitle') : t('ticketsTitle')}
      actions={
        !queue ? (
          <Link to="tickets/new" class="button">
            {t('newTicket')}
          </Link>
        ) : null
      }
    >
      <div class="toolbar">
        <div class="field">
          <label for="ticket-status">{t('filterStatus')}</label>
          <select id="ticket-status" value={status} onChange={(e) => setStatus(value(e) as TicketStatus | '')}>
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {l(s)}
              </option>
            ))}
          </select>
        </div>
        {queue ? (
          <label class="check">
            <input type="checkbox" checked={breached} onChange={(e) => setBreached(e.currentTarget.checked)} />{' '}
            {t('slaBreached')}
          </label>
        ) : null}
      </div>
      <ErrorNotice error={tickets.error} onRetry={tickets.reload} />
      {tickets.loading && !tickets.items.length ? <Loading /> : null}
      {!tickets.loading && !tickets.error && !tickets.items.length ? <Empty /> : null}
      <ul class="plain tickets">
        {tickets.items.map((tk) => {
          const open = tk.status !== 'RESOLVED' && tk.status !== 'CLOSED';
          return (
            <li key={tk.id} class="card" data-ticket={tk.number}>
              <h2>
                <Link to={`tickets/${encodeURIComponent(tk.id)}`}>
                  {tk.number} · {tk.subject}
                </Link>
              </h2>
              <p>
                <Status value={tk.status} /> {l(tk.kind)} · {t('priority')}: {l(tk.priority)}
                {queue ? ` · ${tk.requester.name}` : ''}
                {tk.order ? ` · ${t('order')} ${tk.order.number}` : ''} · {dateTime(lang, tk.createdAt)}
              </p>
              {queue && open ? (
                <p class="clocks">
                  <SlaClock label={t('firstResponse')} due={tk.firstResponseDueAt} doneAt={tk.firstRespondedAt} />{' '}
                  <SlaClock label={t('resolution')} due={tk.resolveDueAt} doneAt={tk.resolvedAt} />
                  {tk.slaBreached ? <span class="badge danger">{t('slaBreached')}</span> : null}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <More hasNext={tickets.hasNext} loading={tickets.loading} onMore={() => tickets.more()} />
    </Page>
  );
}
