/** Thrown by `within` when the work did not settle in time. */
export class IdleTimeout extends Error {
  override readonly name = 'IdleTimeout';
}

/**
 * `work`, or an `IdleTimeout` rejection after `ms`, whichever comes first; the timer is cleared
 * either way. Used per `reader.read()`, so the clock restarts on any chunk (heartbeat comments
 * included, not only whole events), for the wait for response headers and error bodies, and as
 * the timer of the retry backoff. On a timeout the work stays pending: the caller aborts the
 * request, which settles it.
 */
export function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IdleTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
