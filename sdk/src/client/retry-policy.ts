/** How `ChatbotClient` retries a send that failed before any answer text arrived. */
export interface RetryOptions {
  /** Attempts in total, the first included. Default 3. */
  maxAttempts?: number;
  /** Backoff base: attempt n waits up to `baseDelayMs * 2 ** (n - 1)`. Default 500. */
  baseDelayMs?: number;
  /** Cap on any wait, `Retry-After` included. Default 10000. */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
};

/** `false` turns retries off (one attempt). */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...(options === false ? { maxAttempts: 1 } : options) };
}

/**
 * The wait before the attempt after `failedAttempt` (1-based).
 * A server's `Retry-After` wins over backoff; either is capped at `maxDelayMs`. Backoff uses
 * "full jitter": a uniform random wait between 0 and the exponential ceiling, so clients that
 * failed together do not come back together.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header into milliseconds, or `undefined` when absent or malformed.
 * RFC 9110, 10.2.3: `Retry-After = HTTP-date / delay-seconds`.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim() ?? '';
  // Every HTTP-date form names a day and a month; this keeps Date.parse's leniency ("-3" is a
  // year to V8) away from malformed numbers.
  const ms = /^\d+$/.test(text)
    ? Number(text) * 1000
    : /[a-z]/i.test(text)
      ? Date.parse(text) - now
      : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
