import type { ChatTurn, TokenUsage } from '@chatbot/sdk/protocol';

/** Claims of a verified token that the handler uses (only `sub`, for logs). */
export interface VerifiedClaims {
  sub: string;
  [claim: string]: unknown;
}

/**
 * Checks the user's token. Resolves with its claims, or rejects with a `ServerError`:
 * `unauthorized` for a bad token, `unavailable` when the key set cannot be fetched.
 */
export interface AuthPort {
  verify(token: string): Promise<VerifiedClaims>;
}

/** What the handler asks the model for. */
export interface ModelInput {
  /** Validated turns; the last is from the user. */
  messages: ChatTurn[];
  /** The protocol request id, for the model's own logs if it wants it. */
  requestId: string;
}

/** One piece of a model's answer. `stop` comes once, last. */
export type ModelChunk =
  | { type: 'text'; text: string }
  | { type: 'stop'; stopReason: string; usage: TokenUsage };

/**
 * A streaming model. `open` resolves once the model accepted the request (its response began)
 * with the answer's chunks; it rejects, or the iteration throws, with a `ServerError`. Aborting
 * `signal` must cancel the upstream request.
 */
export interface ModelPort {
  /** Reported in the `start` event and the logs. */
  readonly modelId: string;
  open(input: ModelInput, signal: AbortSignal): Promise<AsyncIterable<ModelChunk>>;
}
