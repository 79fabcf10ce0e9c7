import { expect, test } from 'vitest';
import { alternatingTurns } from '../src/bedrock/alternating-turns.js';

test('joins consecutive turns of one role and drops leading assistant turns', () => {
  expect(
    alternatingTurns([
      { role: 'assistant', content: 'Welcome!' },
      { role: 'user', content: 'a' },
      { role: 'user', content: 'b' },
      { role: 'assistant', content: 'c' },
      { role: 'user', content: 'd' },
    ]),
  ).toEqual([
    { role: 'user', content: 'a\n\nb' },
    { role: 'assistant', content: 'c' },
    { role: 'user', content: 'd' },
  ]);
});

test('leaves the caller its turns untouched', () => {
  const turns = [
    { role: 'user' as const, content: 'a' },
    { role: 'user' as const, content: 'b' },
  ];
  alternatingTurns(turns);
  expect(turns[0]!.content).toBe('a');
});
