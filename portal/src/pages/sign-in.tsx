import { useState } from 'preact/hooks';
import { ErrorNotice, Field, Page, UserErrors, value } from '../components/ui';
import { SignInDocument } from '../gql/graphql';
import { useApp } from '../lib/app';
import { useMutation, type UserErrorLike } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { navigate } from '../lib/router';
import { signIn } from '../lib/session';

export function SignIn(props: { expired: boolean; next: string | null }) {
  const { t } = useI18n();
  const { portal } = useApp();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const login = useMutation(SignInDocument);

  async function submit(e: Event) {
    e.preventDefault();
    const r = await login.run({ input: { email: email.trim(), password } });
    if (!r.ok) return;
    const data = r.data;
    setErrors(data.login.userErrors);
    if (data.login.token) {
      signIn({ token: data.login.token, expiresAt: data.login.expiresAt ?? null });
      navigate(props.next && !props.next.startsWith('sign-in') ? props.next : '', true);
    }
  }

  return (
    <Page title={t('signInTitle')}>
      {portal.welcomeText ? <p class="welcome">{portal.welcomeText}</p> : null}
      {props.expired ? (
        <p class="notice warn" role="alert">
          {t('sessionExpired')}
        </p>
      ) : null}
      <form class="card narrow" onSubmit={submit} aria-describedby="signin-hint">
        <p id="signin-hint" class="muted">
          {t('signInHint')}
        </p>
        <Field label={t('email')} id="email">
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            maxLength={200}
            value={email}
            onInput={(e) => setEmail(value(e))}
          />
        </Field>
        <Field label={t('password')} id="password">
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxLength={200}
            value={password}
            onInput={(e) => setPassword(value(e))}
          />
        </Field>
        <UserErrors errors={errors} />
        <ErrorNotice error={login.error} />
        <button type="submit" class="primary" disabled={login.busy}>
          {login.busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </Page>
  );
}
