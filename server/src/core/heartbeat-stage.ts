import { encodeComment } from '@chatbot/sdk/protocol';

/**
 * Stream stage: passes SSE text through and adds a `: ping` comment whenever the source has
 * been silent for `intervalMs`, so CloudFront (30 s origin read timeout by default) and other
 * proxies keep the connection open while the model thinks.
 *
 * Stopping early does not wait for the source's pending read; the caller cancels the source
 * (the model request) through its abort signal.
 */
export async function* heartbeatStage(
  source: AsyncIterable<string>,
  intervalMs: number,
): AsyncGenerator<string> {
  const ping = encodeComment();
  const iterator = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<string>> | undefined;
  try {
    for (;;) {
      pending ??= iterator.next();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = new Promise<'tick'>((resolve) => {
        timer = setTimeout(() => resolve('tick'), intervalMs);
      });
      const result = await Promise.race([pending, tick]).finally(() => clearTimeout(timer));
      if (result === 'tick') {
        yield ping;
        continue;
      }
      pending = undefined;
      if (result.done) return;
      yield result.value;
    }
  } finally {
    if (pending) {
      // An abandoned read settles once the source is cancelled; nobody awaits it any more.
      pending.catch(() => {});
      void iterator.return?.()?.catch(() => {});
    } else {
      await iterator.return?.();
    }
  }
}
