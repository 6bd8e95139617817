import { useState } from 'preact/hooks';
import { Checks, ConfirmButton, ROLES, SecretOnce, Said } from '../components/admin';
import { Empty, ErrorNotice, Field, Loading, Page, UserErrors, value } from '../components/ui';
import { CreateMyApiKeyDocument, MyApiKeysDocument, RevokeMyApiKeyDocument, type UserRole } from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useMessages } from '../lib/i18n';
import { ADMIN } from '../lib/i18n-admin';

/** A date picked in the form (Asia/Shanghai) as the end of that day. */
const endOfDay = (d: string) => (d ? new Date(`${d}T23:59:59+08:00`).toISOString() : null);

/**
 * API keys of the viewer's account (its ADMIN users): the list, a new key
 * with its roles and expiry (the whole key is in the answer once: shown with
 * a copy button, never again), and revoking one after a second press.
 */
export default function ApiKeys() {
  const { t, l, lang } = useMessages(ADMIN);
  const { me } = useApp();
  const accountId = me!.account.id;
  const keys = useQuery(MyApiKeysDocument, { accountId });
  const create = useMutation(CreateMyApiKeyDocument);
  const revoke = useMutation(RevokeMyApiKeyDocument);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<UserRole[]>(['BUYER']);
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const [note, setNote] = useState('');

  async function submit(e: Event) {
    e.preventDefault();
    setNote('');
    if (!roles.length) return setErrors([{ code: 'INVALID_INPUT', message: t('pickRole'), field: ['roles'] }]);
    const r = await create.run({ input: { accountId, name: name.trim(), roles, expiresAt: endOfDay(expires) } });
    if (!r.ok) return;
    const p = r.data.createApiKey;
    setErrors(p.userErrors);
    if (p.userErrors.length || !p.secret) return;
    setMade({ name: p.apiKey!.name, secret: p.secret });
    setName('');
    setExpires('');
    keys.reload();
  }

  async function doRevoke(id: string, keyName: string) {
    const r = await revoke.run({ id });
    if (!r.ok) return;
    setErrors(r.data.revokeApiKey.userErrors);
    if (!r.data.revokeApiKey.userErrors.length) setNote(`${t('revoked')}: ${keyName}`);
    keys.reload();
  }

  const list = keys.data?.account?.apiKeys ?? [];
  const now = Date.now();
  return (
    <Page title={t('navApiKeys')}>
      <p class="muted">{t('apiKeysHelp')}</p>
      {made ? (
        <SecretOnce id="new-key-secret" label={t('keySecret')} secret={made.secret} onDone={() => setMade(null)}>
          {t('keyCreated', { name: made.name })}
        </SecretOnce>
      ) : null}
      <ErrorNotice error={create.error ?? revoke.error} />
      <UserErrors errors={errors} />
      <Said text={note} />
      <form class="card" onSubmit={submit} aria-labelledby="new-key-title">
        <h2 id="new-key-title">{t('newApiKey')}</h2>
        <div class="actions">
          <Field id="key-name" label={t('keyName')}>
            <input id="key-name" required maxLength={100} value={name} onInput={(e) => setName(value(e))} />
          </Field>
          <Field id="key-expires" label={t('expiresAt')} hint={t('expiresHint')}>
            <input
              id="key-expires"
              type="date"
              aria-describedby="key-expires-hint"
              value={expires}
              onInput={(e) => setExpires(value(e))}
            />
          </Field>
        </div>
        <Checks legend={t('keyRoles')} name="key-roles" options={ROLES} value={roles} onChange={setRoles} />
        <button type="submit" class="primary" disabled={create.busy}>
          {t('createKey')}
        </button>
      </form>
      <ErrorNotice error={keys.error} onRetry={keys.reload} />
      {keys.loading && !keys.data ? <Loading /> : null}
      {keys.data && !list.length ? <Empty /> : null}
      {list.length ? (
        <table class="list">
          <caption class="sr-only">{t('navApiKeys')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('prefix')}</th>
              <th scope="col">{t('roles')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('expiresAt')}</th>
              <th scope="col">{t('lastUsed')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((k) => {
              const state = k.revokedAt
                ? 'revoked'
                : k.expiresAt && Date.parse(k.expiresAt) <= now
                  ? 'expired'
                  : 'active';
              return (
                <tr key={k.id} data-key={k.prefix} data-state={state}>
                  <th scope="row">{k.name}</th>
                  <td data-label={t('prefix')}>
                    <code>{k.prefix}</code>
                  </td>
                  <td data-label={t('roles')}>{k.roles.map(l).join(', ')}</td>
                  <td data-label={t('status')}>
                    <span class={`badge${state === 'active' ? '' : ' danger'}`}>{t(state)}</span>
                  </td>
                  <td data-label={t('created')}>
                    {dateTime(lang, k.createdAt)}
                    {k.createdBy ? ` · ${k.createdBy.name}` : ''}
                  </td>
                  <td data-label={t('expiresAt')}>{k.expiresAt ? dateTime(lang, k.expiresAt) : t('never')}</td>
                  <td data-label={t('lastUsed')}>{k.lastUsedAt ? dateTime(lang, k.lastUsedAt) : t('never')}</td>
                  <td>
                    {state === 'revoked' ? null : (
                      <ConfirmButton
                        label={t('revoke')}
                        what={t('revokeKey', { name: k.name })}
                        danger
                        busy={revoke.busy}
                        onConfirm={() => void doRevoke(k.id, k.name)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
