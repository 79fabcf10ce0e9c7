import { randomUUID } from 'node:crypto';
import { eventFrame } from './event-stream-message.js';
import type { StreamFrames } from './stream-frames.js';

/** An Anthropic messages stream event, carried base64-encoded in a `chunk` frame's `bytes`. */
function chunk(event: Record<string, unknown>): Uint8Array {
  return eventFrame('chunk', { bytes: Buffer.from(JSON.stringify(event)).toString('base64') });
}

/** InvokeModelWithResponseStream with an Anthropic messages body (Claude on Bedrock). */
export function invokeStreamFrames(modelId: string): StreamFrames {
  return {
    contentType: 'application/vnd.amazon.eventstream',
    opening: (inputTokens) => [
      chunk({
        type: 'message_start',
        message: {
          id: `msg_bdrk_${randomUUID().replaceAll('-', '')}`,
          type: 'message',
          role: 'assistant',
          model: modelId,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: 1 },
        },
      }),
      chunk({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    ],
    delta: (text) =>
      chunk({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    closing: (stopReason, usage, latencyMs) => [
      chunk({ type: 'content_block_stop', index: 0 }),
      chunk({
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: usage.outputTokens },
      }),
      chunk({
        type: 'message_stop',
        'amazon-bedrock-invocationMetrics': {
          inputTokenCount: usage.inputTokens,
          outputTokenCount: usage.outputTokens,
          invocationLatency: latencyMs,
          firstByteLatency: Math.min(latencyMs, 1),
        },
      }),
    ],
  };
}
