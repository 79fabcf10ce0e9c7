/** Thrown by `readWithin` when no chunk arrived in time. */
export class IdleTimeout extends Error {
  override readonly name = 'IdleTimeout';
}

/**
 * One `reader.read()` that gives up after `ms` without a chunk. Called once per chunk, so the
 * clock restarts on any byte, heartbeat comments included, not only on whole events. On a
 * timeout the read stays pending; the caller cancels the reader, which settles it.
 */
export function readWithin<T>(
  reader: ReadableStreamDefaultReader<T>,
  ms: number,
): Promise<ReadableStreamReadResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IdleTimeout(`No bytes for ${ms} ms.`)), ms);
  });
  return Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
}
