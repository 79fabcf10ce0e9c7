import type { TokenUsage } from '@chatbot/sdk/protocol';

/** Frames of one streaming API: what goes before the text, per delta, and at the end. */
export interface StreamFrames {
  /** `content-type` of the 200 response. */
  readonly contentType: string;
  opening(inputTokens: number): Uint8Array[];
  delta(text: string): Uint8Array;
  closing(stopReason: string, usage: TokenUsage, latencyMs: number): Uint8Array[];
}
