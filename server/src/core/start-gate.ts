import type { ModelChunk } from './ports.js';

/** How the race between the model's first answer and the grace period ended. */
export type StartGateResult =
  | { kind: 'accepted'; chunks: AsyncIterable<ModelChunk> }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'grace-elapsed' };

/**
 * Waits for the model to accept or refuse the request, but no longer than `graceMs`.
 * Bedrock refuses at once when it throttles or is unavailable, so waiting a little lets those
 * be plain HTTP errors; a model that is merely slow gets `start` sent after the grace period.
 */
export async function startGate(
  opening: Promise<AsyncIterable<ModelChunk>>,
  graceMs: number,
): Promise<StartGateResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const grace = new Promise<StartGateResult>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'grace-elapsed' }), graceMs);
  });
  try {
    return await Promise.race([
      opening.then(
        (chunks): StartGateResult => ({ kind: 'accepted', chunks }),
        (error: unknown): StartGateResult => ({ kind: 'rejected', error }),
      ),
      grace,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
