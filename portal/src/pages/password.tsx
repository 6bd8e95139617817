import { useState } from 'preact/hooks';
import { ErrorNotice, Field, Page, UserErrors, value } from '../components/ui';
import { ChangeMyPasswordDocument } from '../gql/graphql';
import { useApp } from '../lib/app';
import { useMutation, type UserErrorLike } from '../lib/hooks';
import { useMessages } from '../lib/i18n';
import { ADMIN } from '../lib/i18n-admin';
import { replaceToken } from '../lib/session';

/** Any signed-in user changes its own password; every other session ends, and this one goes on with the new token. */
export default function Password() {
  const { t } = useMessages(ADMIN);
  const { me } = useApp();
  const change = useMutation(ChangeMyPasswordDocument);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [done, setDone] = useState(false);
  const mismatch = again !== '' && again !== next;

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    if (next !== again)
      return setErrors([{ code: 'INVALID_INPUT', message: t('passwordMismatch'), field: ['newPassword'] }]);
    const r = await change.run({ input: { currentPassword: current, newPassword: next } });
    if (!r.ok) return;
    const p = r.data.changePassword;
    setErrors(p.userErrors);
    if (p.userErrors.length || !p.token) return;
    replaceToken(p.token);
    setCurrent('');
    setNext('');
    setAgain('');
    setDone(true);
  }

  return (
    <Page title={t('navPassword')}>
      <form class="card narrow" onSubmit={submit}>
        {/* A hidden user name lets password managers file the new password under the right login. */}
        <input type="email" autoComplete="username" value={me!.user.email} readOnly hidden />
        <Field id="pw-current" label={t('currentPassword')}>
          <input
            id="pw-current"
            type="password"
            required
            maxLength={200}
            autoComplete="current-password"
            value={current}
            onInput={(e) => setCurrent(value(e))}
          />
        </Field>
        <Field id="pw-new" label={t('newPassword')} hint={t('passwordHint')}>
          <input
            id="pw-new"
            type="password"
            required
            minLength={10}
            maxLength={200}
            autoComplete="new-password"
            aria-describedby="pw-new-hint"
            value={next}
            onInput={(e) => setNext(value(e))}
          />
        </Field>
        <Field id="pw-again" label={t('repeatPassword')}>
          <input
            id="pw-again"
            type="password"
            required
            maxLength={200}
            autoComplete="new-password"
            aria-invalid={mismatch}
            value={again}
            onInput={(e) => setAgain(value(e))}
          />
        </Field>
        <ErrorNotice error={change.error} />
        <UserErrors errors={errors} />
        {done ? (
          <p class="notice ok" role="status">
            {t('passwordChanged')}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={change.busy}>
          {t('save')}
        </button>
      </form>
    </Page>
  );
}
