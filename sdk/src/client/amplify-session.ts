import type { TokenRequest } from './token-source.js';

/**
 * The body of `amplifyIdToken`, in a chunk of its own: it is fetched only when a client runs
 * without `getToken`, and it loads `aws-amplify/auth` only then too.
 */
export async function fetchIdToken(request?: TokenRequest): Promise<string | undefined> {
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
