import type { TokenRequest } from './token-source.js';

/**
 * The default token provider: the Cognito ID token of the signed-in Amplify user.
 * `aws-amplify` is loaded only when this runs, so apps that pass `getToken` never bundle it.
 * Expects `Amplify.configure(...)` to have run; returns `undefined` when nobody is signed in.
 */
export async function amplifyIdToken(request?: TokenRequest): Promise<string | undefined> {
  let auth: typeof import('aws-amplify/auth');
  try {
    auth = await import('aws-amplify/auth');
  } catch (cause) {
    throw new Error('aws-amplify/auth did not load: install aws-amplify, or pass getToken.', {
      cause,
    });
  }
  const session = await auth.fetchAuthSession({ forceRefresh: request?.forceRefresh ?? false });
  return session.tokens?.idToken?.toString();
}
