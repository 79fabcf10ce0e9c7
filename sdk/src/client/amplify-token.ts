import type { TokenRequest } from './token-source.js';

/**
 * The default token provider: the Cognito ID token of the signed-in Amplify user.
 * Its code and `aws-amplify` are loaded only when it first runs (a dynamic import, a separate
 * chunk), so apps that pass `getToken` never download or bundle them.
 * Expects `Amplify.configure(...)` to have run; returns `undefined` when nobody is signed in.
 */
export async function amplifyIdToken(request?: TokenRequest): Promise<string | undefined> {
  return (await import('./amplify-session.js')).fetchIdToken(request);
}
