/**
 * The Bedrock emulator's scenarios (server/src/local), chosen per request by a prompt prefix.
 * A deployed stack talks to real Bedrock, which reads the prefix as ordinary text.
 */
export const SCENARIOS = [
  { id: 'normal', label: 'Normal' },
  { id: 'slow-first-token', label: 'Slow first token' },
  { id: 'throttled', label: 'Throttled' },
  { id: 'unavailable', label: 'Unavailable' },
  { id: 'throttled-after-start', label: 'Throttled after start' },
  { id: 'mid-stream-error', label: 'Error mid-stream' },
  { id: 'long-answer', label: 'Long answer' },
  { id: 'multibyte', label: 'Emoji and CJK' },
] as const;

export type ScenarioId = (typeof SCENARIOS)[number]['id'];

/** The prompt with the scenario prefix the emulator looks for; `normal` sends it unchanged. */
export function withScenario(prompt: string, scenario: ScenarioId): string {
  return scenario === 'normal' ? prompt : `[scenario:${scenario}] ${prompt}`;
}
