/**
 * What the local Bedrock emulator does for a request. Chosen per request by the
 * `x-chatbot-scenario` header or, more reliably (the chat handler forwards no headers to
 * Bedrock), by starting the last user message with `[scenario:<name>]`.
 */
export const BEDROCK_SCENARIOS = {
  normal: 'A short answer echoing the prompt, one word per delta at the token pace.',
  'slow-first-token':
    'Accepts at once, then stays silent for slowFirstTokenDelayMs before answering.',
  throttled: 'HTTP 429 ThrottlingException before any stream.',
  unavailable: 'HTTP 503 ServiceUnavailableException before any stream.',
  'throttled-after-start': 'Streams a few words, then a throttlingException frame.',
  'mid-stream-error': 'Streams a few words, then a modelStreamErrorException frame.',
  'long-answer':
    'Streams longAnswerTokens (20,000 by default) deltas as fast as the socket takes them.',
  multibyte:
    'Emoji, CJK and a ZWJ emoji sequence split across deltas; each frame is written in two TCP writes cut inside a UTF-8 character.',
} as const;

export type BedrockScenarioName = keyof typeof BEDROCK_SCENARIOS;

/** The scenario names, in a stable order. */
export const BEDROCK_SCENARIO_NAMES = Object.keys(BEDROCK_SCENARIOS) as BedrockScenarioName[];

/** Header a caller may set to pick a scenario. */
export const SCENARIO_HEADER = 'x-chatbot-scenario';

const PROMPT_PREFIX = /^\s*\[scenario:([a-z-]+)\]\s*/;

export function isBedrockScenarioName(name: string): name is BedrockScenarioName {
  return Object.hasOwn(BEDROCK_SCENARIOS, name);
}

/** The scenario a prompt asks for with a leading `[scenario:<name>]`, if any. */
export function scenarioFromPrompt(prompt: string): string | undefined {
  return PROMPT_PREFIX.exec(prompt)?.[1];
}

/** The prompt without its scenario prefix. */
export function stripScenarioPrefix(prompt: string): string {
  return prompt.replace(PROMPT_PREFIX, '');
}

/** Prefix for a prompt that selects `scenario` (tests, the playground). */
export function withScenario(scenario: BedrockScenarioName, prompt: string): string {
  return `[scenario:${scenario}] ${prompt}`;
}

/** Deltas of the multibyte scenario; their concatenation is {@link MULTIBYTE_ANSWER}. */
export const MULTIBYTE_DELTAS: readonly string[] = [
  'Emoji ',
  '👋🏽',
  ' and CJK: ',
  '你',
  '好，',
  '世界',
  '。 A family: ',
  // One ZWJ sequence (man, woman, girl) cut between two deltas, at the joiner.
  '👨\u200d👩',
  '\u200d👧',
  ' and ',
  '🇯🇵',
  ' ✓',
];

export const MULTIBYTE_ANSWER = MULTIBYTE_DELTAS.join('');
