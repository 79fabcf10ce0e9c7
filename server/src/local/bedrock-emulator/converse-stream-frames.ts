import { eventFrame } from './event-stream-message.js';
import type { StreamFrames } from './stream-frames.js';

/** ConverseStream: messageStart, contentBlockDelta..., contentBlockStop, messageStop, metadata. */
export const converseStreamFrames: StreamFrames = {
  contentType: 'application/vnd.amazon.eventstream',
  opening: () => [eventFrame('messageStart', { role: 'assistant' })],
  delta: (text) => eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }),
  closing: (stopReason, usage, latencyMs) => [
    eventFrame('contentBlockStop', { contentBlockIndex: 0 }),
    eventFrame('messageStop', { stopReason }),
    eventFrame('metadata', {
      usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
      metrics: { latencyMs },
    }),
  ],
};
