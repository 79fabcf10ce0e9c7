import { validateChatRequest } from '@chatbot/sdk/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../src/chat-types.js';
import { historyWindow } from '../src/history-window.js';

vi.mock('react', () => {
  throw new Error('the history window must not import React');
});

let n = 0;
const msg = (role: ChatMessage['role'], content: string): ChatMessage => ({
  id: `m${++n}`,
  role,
  content,
  status: 'done',
  createdAt: n,
});

describe('historyWindow', () => {
  it('keeps a short conversation as it is, skipping empty answers', () => {
    const turns = historyWindow([
      msg('user', 'Hi'),
      msg('assistant', ''),
      msg('user', 'Again'),
      msg('assistant', 'Hello'),
      msg('user', 'Bye'),
    ]);
    expect(turns).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'user', content: 'Again' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: 'Bye' },
    ]);
  });

  it('long_answer_in_history_blocks_the_next_question: an answer over the message limit is cut to its end', () => {
    const long = `${'a'.repeat(50_000)}THE END`;
    const turns = historyWindow([
      msg('user', 'Write a lot'),
      msg('assistant', long),
      msg('user', 'Thanks'),
    ]);
    expect(turns).toHaveLength(3);
    const cut = turns[1]!.content;
    expect(cut.length).toBe(32_000);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('THE END')).toBe(true);
    // What the window sends is a valid protocol v1 request.
    expect(() => validateChatRequest({ messages: turns })).not.toThrow();
  });

  it('never cuts an emoji in half', () => {
    const long = '😀'.repeat(40);
    const turns = historyWindow(
      [msg('user', 'Emoji'), msg('assistant', long), msg('user', 'More')],
      {
        maxMessageChars: 11,
      },
    );
    const cut = turns[1]!.content;
    expect(cut).toMatch(/^…(😀)+$/u);
    expect(cut.length).toBeLessThanOrEqual(11);
  });

  it('leaves out the oldest turns to stay under the body size, and starts at a user turn', () => {
    const messages: ChatMessage[] = [];
    for (let i = 0; i < 30; i++) {
      messages.push(msg('user', `question ${i} ${'q'.repeat(10_000)}`));
      messages.push(msg('assistant', `answer ${i} ${'é'.repeat(10_000)}`));
    }
    messages.push(msg('user', 'last'));
    const turns = historyWindow(messages);
    const bytes = new TextEncoder().encode(JSON.stringify({ messages: turns })).length;
    expect(bytes).toBeLessThanOrEqual(256 * 1024);
    expect(turns.length).toBeGreaterThan(4);
    expect(turns.length).toBeLessThan(61);
    expect(turns[0]!.role).toBe('user');
    expect(turns.at(-1)).toEqual({ role: 'user', content: 'last' });
    expect(() => validateChatRequest({ messages: turns })).not.toThrow();
  });

  it('sends at most maxTurns turns, the newest', () => {
    const messages = Array.from({ length: 9 }, (_, i) =>
      msg(i % 2 ? 'assistant' : 'user', `t${i}`),
    );
    expect(historyWindow(messages, { maxTurns: 3 }).map((t) => t.content)).toEqual([
      't6',
      't7',
      't8',
    ]);
  });

  it('never cuts or drops the newest question, even when it alone is too long', () => {
    const huge = 'x'.repeat(40_000);
    expect(historyWindow([msg('assistant', 'Hi'), msg('user', huge)])).toEqual([
      { role: 'user', content: huge },
    ]);
  });
});
