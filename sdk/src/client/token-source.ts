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

/**
 * Hands out tokens and refreshes them after a 401, once for all concurrent sends: a send whose
 * token predates the latest refresh takes that refresh's token instead of starting another.
 */
export class TokenSource {
  readonly #provider: TokenProvider;
  #generation = 0;
  #refreshed: string | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(provider: TokenProvider) {
    this.#provider = provider;
  }

  async current(): Promise<IssuedToken> {
    const generation = this.#generation;
    return { token: await this.#provider({ forceRefresh: false }), generation };
  }

  /** A fresh token for a send whose token of `generation` was refused. */
  async refresh(generation: number): Promise<IssuedToken> {
    if (generation === this.#generation && this.#refreshing === undefined) {
      this.#refreshing = (async () => {
        try {
          this.#refreshed = await this.#provider({ forceRefresh: true });
          this.#generation++;
        } finally {
          this.#refreshing = undefined;
        }
      })();
    }
    await this.#refreshing;
    return { token: this.#refreshed, generation: this.#generation };
  }
}
