import { useState } from 'preact/hooks';
import { Empty, ErrorNotice, Link, Loading, More, Page } from '../components/ui';
import { MyNotificationsDocument, ReadNotificationsDocument } from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useMutation } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { usePaged } from '../lib/paged';

export default function Notifications() {
  const { t, lang } = useI18n();
  const { refreshMe } = useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = usePaged(
    MyNotificationsDocument,
    { first: 30, unreadOnly, after: null },
    (d) => d.viewer?.notifications ?? { totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] },
  );
  const mark = useMutation(ReadNotificationsDocument);

  async function read(input: { ids?: string[]; all?: boolean }) {
    const r = await mark.run({ input });
    if (r.ok) {
      refreshMe();
      list.reload();
    }
  }

  return (
    <Page
      title={t('notificationsTitle')}
      actions={
        <button type="button" disabled={mark.busy} onClick={() => read({ all: true })}>
          {t('markAllRead')}
        </button>
      }
    >
      <label class="check">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />{' '}
        {t('unreadOnly')}
      </label>
      <ErrorNotice error={list.error ?? mark.error} onRetry={list.reload} />
      {list.loading && !list.items.length ? <Loading /> : null}
      {!list.loading && !list.error && !list.items.length ? <Empty /> : null}
      <ul class="plain notifications">
        {list.items.map((n) => (
          <li key={n.id} class={`card ${n.readAt ? '' : 'unread'}`}>
            <p>
              {!n.readAt ? <span class="badge">{t('unread')}</span> : null} <strong>{n.title}</strong> ·{' '}
              <time dateTime={n.createdAt}>{dateTime(lang, n.createdAt)}</time>
            </p>
            {n.body ? <p>{n.body}</p> : null}
            <p class="actions">
              {n.orderId ? <Link to={`orders/${encodeURIComponent(n.orderId)}`}>{t('order')}</Link> : null}
              {n.ticketId ? <Link to={`tickets/${encodeURIComponent(n.ticketId)}`}>{t('navTickets')}</Link> : null}
              {!n.readAt ? (
                <button type="button" class="linkish" disabled={mark.busy} onClick={() => read({ ids: [n.id] })}>
                  {t('markRead')} <span class="sr-only">{n.title}</span>
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <More hasNext={list.hasNext} loading={list.loading} onMore={() => list.more()} />
    </Page>
  );
}
