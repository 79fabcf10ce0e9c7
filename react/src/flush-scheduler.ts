import type { FlushMode } from './chat-types.js';

/** Cancels a scheduled flush. */
export type CancelFlush = () => void;

/** A frame at 60 Hz: the fallback where there are no animation frames (Node, SSR, workers). */
const FRAME_MS = 16;

/**
 * Runs `flush` later according to `mode` (never for `sync`: callers flush at once).
 * `requestAnimationFrame` is looked up at call time, so importing this on a server is safe.
 */
export function scheduleFlush(mode: Exclude<FlushMode, 'sync'>, flush: () => void): CancelFlush {
  if (mode === 'animationFrame') {
    const raf = globalThis.requestAnimationFrame;
    if (typeof raf === 'function') {
      const handle = raf(flush);
      return () => globalThis.cancelAnimationFrame(handle);
    }
  }
  const timer = setTimeout(flush, typeof mode === 'number' ? mode : FRAME_MS);
  return () => clearTimeout(timer);
}
