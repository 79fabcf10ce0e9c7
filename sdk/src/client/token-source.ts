/** What the client asks of a token provider. */
export interface TokenRequest {
  /** True after the endpoint answered 401: return a new token, not a cached one. */
  forceRefresh: boolean;
}

/**
 * Returns the user's JWT for the token header, or `undefined` when nobody is signed in.
 * Providers that cannot refresh may ignore the argument; they are simply called again.
 */
export type TokenProvider = (
  request?: TokenRequest,
) => string | undefined | Promise<string | undefined>;

/** A token and the refresh generation it belongs to. */
export interface IssuedToken {
  token: string | undefined;
  generation: number;
}

/** Hands out tokens, and fresh ones after a 401 (see `tokenSource`). */
export interface TokenSource {
  current(): Promise<IssuedToken>;
  /** A fresh token for a send whose token of `generation` was refused. */
  refresh(generation: number): Promise<IssuedToken>;
}

/**
 * Hands out tokens and refreshes them after a 401, once for all concurrent sends: a send whose
 * token predates the latest refresh takes that refresh's token instead of starting another.
 */
export function tokenSource(provider: TokenProvider): TokenSource {
  let generation = 0;
  let refreshed: string | undefined;
  let refreshing: Promise<void> | undefined;
  return {
    async current() {
      const issuedIn = generation;
      return { token: await provider({ forceRefresh: false }), generation: issuedIn };
    },
    async refresh(refused) {
      if (refused === generation) {
        refreshing ??= (async () => {
          try {
            refreshed = await provider({ forceRefresh: true });
            generation++;
          } finally {
            refreshing = undefined;
          }
        })();
      }
      await refreshing;
      return { token: refreshed, generation };
    },
  };
}
