import { type FormEvent, useId, useState } from 'react';
import type { SessionInfo } from './auth-session.js';
import { signInWithPassword } from './auth-session.js';
import type { PlaygroundConfig } from './playground-config.js';

export interface SignInFormProps {
  config: PlaygroundConfig;
  onSignedIn: (session: SessionInfo) => void;
}

export function SignInForm({ config, onSignedIn }: SignInFormProps) {
  const emailId = useId();
  const passwordId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      onSignedIn(
        await signInWithPassword(config, String(form.get('email')), String(form.get('password'))),
      );
    } catch (thrown) {
      setError((thrown as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby={`${emailId}-title`}>
      <h2 id={`${emailId}-title`}>Sign in</h2>
      <label htmlFor={emailId}>Email</label>
      <input
        id={emailId}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue=""
      />
      <label htmlFor={passwordId}>Password</label>
      <input
        id={passwordId}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button type="submit" disabled={pending}>
        Sign in
      </button>
      {config.demoUser && (
        <p className="hint">
          Local demo login: <code>{config.demoUser.username}</code> /{' '}
          <code>{config.demoUser.password}</code>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
