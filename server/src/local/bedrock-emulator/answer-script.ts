import { type BedrockScenarioName, MULTIBYTE_DELTAS } from './bedrock-scenarios.js';

/** Timing of the emulator's answers. Tests shrink these; `npm run dev` keeps them realistic. */
export interface BedrockEmulatorTiming {
  /** Delay between accepting the request and the first delta. Default 150 ms. */
  firstTokenDelayMs: number;
  /** Delay between deltas. Default 30 ms. */
  tokenIntervalMs: number;
  /** First-token delay of `slow-first-token`. Default 20 s (past the 15 s heartbeat). */
  slowFirstTokenDelayMs: number;
  /** Deltas of `long-answer`. Default 20,000. */
  longAnswerTokens: number;
}

export const DEFAULT_BEDROCK_EMULATOR_TIMING: Readonly<BedrockEmulatorTiming> = {
  firstTokenDelayMs: 150,
  tokenIntervalMs: 30,
  slowFirstTokenDelayMs: 20_000,
  longAnswerTokens: 20_000,
};

/** What to answer: a refusal before the stream, or a stream that ends with a stop or an exception. */
export type AnswerScript =
  | { kind: 'refuse'; status: number; errorType: string; message: string }
  | {
      kind: 'stream';
      firstTokenDelayMs: number;
      tokenIntervalMs: number;
      deltas: readonly string[];
      /** Write each frame in two socket writes cut inside a multi-byte character. */
      splitFrames: boolean;
      end:
        | { kind: 'stop'; stopReason: string }
        | { kind: 'exception'; exceptionType: string; message: string };
    };

/** Words of `text` with their following space, the emulator's idea of a token. */
function words(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

/** The answer for one request. `prompt` is the last user message without its scenario prefix. */
export function answerScript(
  scenario: BedrockScenarioName,
  prompt: string,
  timing: BedrockEmulatorTiming,
): AnswerScript {
  const echo = prompt.length > 200 ? `${prompt.slice(0, 200)}…` : prompt;
  const normal = words(`Hello from the local Bedrock emulator. You said: ${echo}`);
  const stream = {
    kind: 'stream' as const,
    firstTokenDelayMs: timing.firstTokenDelayMs,
    tokenIntervalMs: timing.tokenIntervalMs,
    deltas: normal,
    splitFrames: false,
    end: { kind: 'stop' as const, stopReason: 'end_turn' },
  };
  switch (scenario) {
    case 'normal':
      return stream;
    case 'slow-first-token':
      return { ...stream, firstTokenDelayMs: timing.slowFirstTokenDelayMs };
    case 'throttled':
      return {
        kind: 'refuse',
        status: 429,
        errorType: 'ThrottlingException',
        message: 'Too many requests, please wait before trying again.',
      };
    case 'unavailable':
      return {
        kind: 'refuse',
        status: 503,
        errorType: 'ServiceUnavailableException',
        message: 'Bedrock is unable to process your request.',
      };
    case 'throttled-after-start':
      return {
        ...stream,
        deltas: normal.slice(0, 3),
        end: {
          kind: 'exception',
          exceptionType: 'throttlingException',
          message: 'Too many tokens, please wait before trying again.',
        },
      };
    case 'mid-stream-error':
      return {
        ...stream,
        deltas: normal.slice(0, 3),
        end: {
          kind: 'exception',
          exceptionType: 'modelStreamErrorException',
          message: 'The model stream failed (emulated).',
        },
      };
    case 'long-answer':
      return {
        ...stream,
        tokenIntervalMs: 0,
        deltas: Array.from({ length: timing.longAnswerTokens }, (_, i) => `w${i} `),
        end: { kind: 'stop', stopReason: 'max_tokens' },
      };
    case 'multibyte':
      return { ...stream, deltas: MULTIBYTE_DELTAS, splitFrames: true };
  }
}
