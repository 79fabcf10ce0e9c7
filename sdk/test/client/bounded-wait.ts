// Waits that work while Vitest fakes setTimeout: the real timer is captured at import time.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/** Lets real I/O (MSW's worker messages, stream pulls) progress for `ms` of real time. */
export function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

/** Polls `condition` in real time; fails after `timeoutMs` with `what` in the message. */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited >= timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await realDelay(5);
  }
}
