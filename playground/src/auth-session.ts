import { Amplify } from 'aws-amplify';
import {
  fetchAuthSession,
  getCurrentUser,
  type SignInOutput,
  signIn,
  signOut,
} from 'aws-amplify/auth';
import type { PlaygroundConfig } from './playground-config.js';

export interface SessionInfo {
  username: string;
  /** When the current ID token was issued and expires (ms since the epoch). */
  issuedAt: number | undefined;
  expiresAt: number | undefined;
}

/** Why sign-in did not complete; `message` is fit to show. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  readonly code: 'not_authorized' | 'challenge_required' | 'auth_failed';

  constructor(code: SignInError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Points Amplify Auth at the configured user pool (and at cognito-local when it is local). */
export function configureAuth(config: PlaygroundConfig): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.cognito.userPoolId,
        userPoolClientId: config.cognito.clientId,
        ...(config.cognito.endpoint ? { userPoolEndpoint: config.cognito.endpoint } : {}),
      },
    },
  });
}

async function describeSession(forceRefresh: boolean): Promise<SessionInfo | undefined> {
  const session = await fetchAuthSession({ forceRefresh });
  const idToken = session.tokens?.idToken;
  if (!idToken) return undefined;
  const { iat, exp } = idToken.payload;
  const email = idToken.payload.email;
  return {
    username: typeof email === 'string' ? email : (await getCurrentUser()).username,
    issuedAt: typeof iat === 'number' ? iat * 1000 : undefined,
    expiresAt: typeof exp === 'number' ? exp * 1000 : undefined,
  };
}

/** The signed-in user's session, or undefined when nobody is signed in. */
export async function currentSession(): Promise<SessionInfo | undefined> {
  try {
    return await describeSession(false);
  } catch {
    return undefined;
  }
}

/** Fetches new tokens with the refresh token (Amplify's `forceRefresh`). */
export async function refreshSession(): Promise<SessionInfo> {
  const session = await describeSession(true);
  if (!session) throw new SignInError('not_authorized', 'The session ended: sign in again.');
  return session;
}

/**
 * Signs in with username and password. cognito-local supports only USER_PASSWORD_AUTH; real
 * Cognito uses SRP, so the password never leaves the browser.
 */
export async function signInWithPassword(
  config: PlaygroundConfig,
  username: string,
  password: string,
): Promise<SessionInfo> {
  let output: SignInOutput;
  try {
    output = await signIn({
      username,
      password,
      options: { authFlowType: config.cognito.endpoint ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH' },
    });
  } catch (cause) {
    const name = (cause as Error).name;
    if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') {
      throw new SignInError(
        'not_authorized',
        'Wrong email or password. Check both and try again.',
        {
          cause,
        },
      );
    }
    throw new SignInError(
      'auth_failed',
      `Sign-in failed: ${(cause as Error).message}. Check the Cognito settings.`,
      { cause },
    );
  }
  if (!output.isSignedIn) {
    throw new SignInError(
      'challenge_required',
      `Cognito asks for another step (${output.nextStep.signInStep}), which the playground does not handle: finish it in the Cognito console or with the AWS CLI.`,
    );
  }
  const session = await describeSession(false);
  if (!session) throw new SignInError('auth_failed', 'Signed in, but no ID token came back.');
  return session;
}

export async function signOutUser(): Promise<void> {
  await signOut();
}
