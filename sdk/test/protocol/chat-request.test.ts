import { describe, expect, it } from 'vitest';
import { ProtocolError, validateChatRequest } from '../../src/protocol/index.js';

const limits = { maxMessages: 3, maxMessageChars: 10 };

function rejection(value: unknown): ProtocolError {
  try {
    validateChatRequest(value, limits);
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('validateChatRequest', () => {
  it('accepts a conversation ending with the user, with and without conversationId', () => {
    const body = {
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Bye' },
      ],
    };
    expect(validateChatRequest(body, limits)).toEqual(body);
    expect(validateChatRequest({ ...body, conversationId: 'c-1' }, limits)).toEqual({
      ...body,
      conversationId: 'c-1',
    });
  });

  it.each([
    ['a non-object body', [], /JSON object/],
    ['null', null, /JSON object/],
    [
      'an unknown top-level field',
      { messages: [{ role: 'user', content: 'a' }], model: 'x' },
      /Unknown field "model"/,
    ],
    ['no messages', {}, /non-empty array/],
    ['an empty messages array', { messages: [] }, /non-empty array/],
    ['too many messages', { messages: Array(4).fill({ role: 'user', content: 'a' }) }, /at most 3/],
    ['a non-object message', { messages: ['hi'] }, /messages\[0\]/],
    [
      'an unknown message field',
      { messages: [{ role: 'user', content: 'a', name: 'x' }] },
      /Unknown field "name"/,
    ],
    [
      'a system role',
      { messages: [{ role: 'system', content: 'a' }] },
      /^messages\[0\] must be \{"role": "user" or "assistant", "content": a non-empty string\}\.$/,
    ],
    ['empty content', { messages: [{ role: 'user', content: '' }] }, /non-empty string/],
    ['blank content', { messages: [{ role: 'user', content: '  \n' }] }, /non-empty string/],
    ['non-string content', { messages: [{ role: 'user', content: 1 }] }, /non-empty string/],
    [
      'content over the limit',
      { messages: [{ role: 'user', content: 'x'.repeat(11) }] },
      /at most 10/,
    ],
    [
      'a last message from the assistant',
      { messages: [{ role: 'assistant', content: 'a' }] },
      /last message/,
    ],
    [
      'an empty conversationId',
      { messages: [{ role: 'user', content: 'a' }], conversationId: '' },
      /conversationId/,
    ],
    [
      'a numeric conversationId',
      { messages: [{ role: 'user', content: 'a' }], conversationId: 5 },
      /conversationId/,
    ],
  ])('rejects %s with invalid_request', (_name, value, pattern) => {
    const error = rejection(value);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(pattern);
  });
});
