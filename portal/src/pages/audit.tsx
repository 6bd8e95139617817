import { useEffect, useState } from 'preact/hooks';
import { Empty, ErrorNotice, Loading, More, Page, value } from '../components/ui';
import { AuditAccountsDocument, AuditLogDocument } from '../gql/graphql';
import { dateTime } from '../lib/format';
import { useQuery } from '../lib/hooks';
import { useMessages } from '../lib/i18n';
import { ADMIN } from '../lib/i18n-admin';
import { usePaged } from '../lib/paged';

/** The actions the server writes (README, "The audit log"; the integration's too): offered as suggestions, any text is accepted. */
const ACTIONS = [
  'account.create',
  'account.update',
  'account.creditLimit',
  'account.portal',
  'account.status',
  'account.move',
  'account.moveOut',
  'user.create',
  'user.update',
  'user.passwordChange',
  'user.passwordReset',
  'priceList.create',
  'priceList.update',
  'priceList.entries',
  'priceFloors.set',
  'assortment.set',
  'promotion.update',
  'rebatePolicy.update',
  'featureFlag.create',
  'featureFlag.update',
  'featureFlag.delete',
  'apiKey.create',
  'apiKey.revoke',
  'webhookEndpoint.create',
  'webhookEndpoint.update',
  'webhookEndpoint.delete',
  'webhookEndpoint.rotateSecret',
];

interface Filter {
  action: string;
  accountId: string;
  since: string;
}

/** `changes` as the server wrote it ({before, after}), laid out to read; anything else as sent. */
function pretty(changes: string): string {
  try {
    return JSON.stringify(JSON.parse(changes), null, 1);
  } catch {
    return changes;
  }
}

/** Changes in the viewer's account and below it (ADMIN users), newest first: by action, account and date, page by page. */
export default function Audit() {
  const { t, lang } = useMessages(ADMIN);
  const [draft, setDraft] = useState<Filter>({ action: '', accountId: '', since: '' });
  const [applied, setApplied] = useState<Filter>(draft);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(id);
  }, [search]);
  const accounts = useQuery(AuditAccountsDocument, { search: debounced || null });
  const filter = {
    action: applied.action || null,
    accountId: applied.accountId || null,
    since: applied.since ? new Date(`${applied.since}T00:00:00+08:00`).toISOString() : null,
  };
  const log = usePaged(AuditLogDocument, { first: 25, filter, after: null }, (d) => d.auditLog);
  const options = accounts.data?.accounts.nodes ?? [];

  return (
    <Page title={t('navAudit')}>
      <p class="muted">{t('auditHelp')}</p>
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
        }}
      >
        <div class="field">
          <label for="audit-action">{t('action')}</label>
          <input
            id="audit-action"
            list="audit-actions"
            maxLength={100}
            placeholder={t('actionHint')}
            value={draft.action}
            onInput={(e) => setDraft({ ...draft, action: value(e).trim() })}
          />
          <datalist id="audit-actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="audit-account-search">{t('accountSearch')}</label>
          <input
            id="audit-account-search"
            type="search"
            maxLength={100}
            value={search}
            onInput={(e) => setSearch(value(e))}
          />
        </div>
        <div class="field">
          <label for="audit-account">{t('account')}</label>
          <select
            id="audit-account"
            value={draft.accountId}
            onChange={(e) => setDraft({ ...draft, accountId: value(e) })}
          >
            <option value="">{t('anyAccount')}</option>
            {options.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.code ? ` · ${a.code}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-since">{t('since')}</label>
          <input
            id="audit-since"
            type="date"
            value={draft.since}
            onInput={(e) => setDraft({ ...draft, since: value(e) })}
          />
        </div>
        <button type="submit" class="primary">
          {t('apply')}
        </button>
      </form>
      <ErrorNotice error={log.error ?? accounts.error} onRetry={log.reload} />
      <p class="muted small" role="status">
        {log.loading ? '' : t('entries', { n: log.total })}
      </p>
      {log.loading && !log.items.length ? <Loading /> : null}
      {!log.loading && !log.error && !log.items.length ? <Empty /> : null}
      {log.items.length ? (
        <table class="list">
          <caption class="sr-only">{t('navAudit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('account')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('changes')}</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <th scope="row">{dateTime(lang, e.at)}</th>
                <td data-label={t('action')}>
                  <code>{e.action}</code>
                </td>
                <td data-label={t('account')}>{e.account.name}</td>
                <td data-label={t('actor')}>
                  {e.actor ? (
                    e.actor.name
                  ) : e.actorApiKey ? (
                    <span data-api-key={e.actorApiKey.prefix}>
                      {t('byApiKey', { name: e.actorApiKey.name })} <code>{e.actorApiKey.prefix}</code>
                    </span>
                  ) : (
                    <span class="muted">{t('byKeyOrSystem')}</span>
                  )}
                </td>
                <td data-label={t('changes')}>
                  <pre class="changes">{pretty(e.changes)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <More hasNext={log.hasNext} loading={log.loading} onMore={() => log.more()} />
    </Page>
  );
}
