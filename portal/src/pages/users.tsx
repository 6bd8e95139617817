import { useState } from 'preact/hooks';
import { Checks, ConfirmButton, ROLES, Said } from '../components/admin';
import { Empty, ErrorNotice, Loading, Page, UserErrors } from '../components/ui';
import { AccountUsersDocument, UpdateAccountUserDocument, type AccountUsersQuery, type UserRole } from '../gql/graphql';
import { useApp } from '../lib/app';
import { useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useMessages } from '../lib/i18n';
import { ADMIN } from '../lib/i18n-admin';

type User = NonNullable<AccountUsersQuery['account']>['users'][number];

/** The users of the viewer's account (its ADMINs): roles, and active or not (a deactivated user is signed out everywhere). */
export default function Users() {
  const { t } = useMessages(ADMIN);
  const { me } = useApp();
  const users = useQuery(AccountUsersDocument, { accountId: me!.account.id });
  const list = users.data?.account?.users ?? [];
  return (
    <Page title={t('usersTitle')}>
      <p class="muted">{t('usersHelp')}</p>
      <ErrorNotice error={users.error} onRetry={users.reload} />
      {users.loading && !users.data ? <Loading /> : null}
      {users.data && !list.length ? <Empty /> : null}
      <ul class="plain">
        {list.map((u) => (
          <li key={u.id}>
            <UserCard user={u} self={u.id === me!.user.id} onChanged={users.reload} />
          </li>
        ))}
      </ul>
    </Page>
  );
}

function UserCard(props: { user: User; self: boolean; onChanged: () => void }) {
  const { t } = useMessages(ADMIN);
  const u = props.user;
  const update = useMutation(UpdateAccountUserDocument);
  const [roles, setRoles] = useState<UserRole[]>([...u.roles]);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [note, setNote] = useState('');
  const id = `user-${u.id.replace(/[^a-zA-Z0-9]/g, '')}`;

  async function save(input: { roles?: UserRole[]; active?: boolean }) {
    setNote('');
    const r = await update.run({ input: { id: u.id, ...input } });
    if (!r.ok) return;
    const p = r.data.updateUser;
    setErrors(p.userErrors);
    if (p.userErrors.length) {
      setRoles([...u.roles]);
      return;
    }
    setNote(t('userSaved', { name: u.name }));
    props.onChanged();
  }

  return (
    <section class="card" aria-labelledby={id} data-user={u.email} data-active={String(u.active)}>
      <h2 id={id}>
        {u.name} {props.self ? <span class="muted small">{t('you')}</span> : null}
      </h2>
      <p class="muted">
        {u.email} · <span class={`badge${u.active ? '' : ' danger'}`}>{u.active ? t('active') : t('disabled')}</span>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save({ roles });
        }}
      >
        <Checks
          legend={`${t('roles')}: ${u.name}`}
          name={`${id}-roles`}
          options={ROLES}
          value={roles}
          onChange={setRoles}
        />
        <ErrorNotice error={update.error} />
        <UserErrors errors={errors} />
        <Said text={note} />
        <div class="actions">
          <button type="submit" class="primary" disabled={update.busy || !roles.length}>
            {t('saveRoles')} <span class="sr-only">{u.name}</span>
          </button>
          {u.active ? (
            <ConfirmButton
              label={t('deactivate')}
              what={t('deactivateWhat', { name: u.name })}
              danger
              busy={update.busy}
              onConfirm={() => void save({ active: false })}
            />
          ) : (
            <button type="button" disabled={update.busy} onClick={() => void save({ active: true })}>
              {t('activate')} <span class="sr-only">{u.name}</span>
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
