import { describe, expect, it } from 'vitest';
import {
  type ChatEvent,
  decodeChatEvent,
  decodeSse,
  ERROR_STATUS,
  encodeComment,
  encodeEvent,
  ProtocolError,
  parseErrorResponse,
} from '../../src/protocol/index.js';

const EVENTS: ChatEvent[] = [
  { type: 'start', requestId: 'r-1', messageId: 'm-1', model: 'anthropic.claude' },
  { type: 'delta', text: 'Hello, ' },
  { type: 'delta', text: 'wörld 😀\nline two\r\n"quoted" \u2028' },
  { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 12, outputTokens: 34 } },
  { type: 'error', code: 'rate_limited', message: 'Slow down.', retryable: true },
];

describe('encodeEvent / decodeChatEvent', () => {
  it('round-trips every event type through SSE text with increasing ids', () => {
    const text = EVENTS.map((event, i) => encodeEvent(event, i + 1)).join(encodeComment());
    const messages = decodeSse([new TextEncoder().encode(text)]);
    expect(messages.map((m) => m.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(messages.map(decodeChatEvent)).toEqual(EVENTS);
  });

  it('writes the exact protocol v1 text for a delta', () => {
    expect(encodeEvent({ type: 'delta', text: 'hi' }, 3)).toBe(
      'id: 3\nevent: delta\ndata: {"text":"hi"}\n\n',
    );
    expect(encodeComment()).toBe(': ping\n\n');
  });

  it('refuses a comment that would break the framing', () => {
    expect(() => encodeComment('a\nb')).toThrow(TypeError);
  });

  it('ignores event names protocol v1 does not define (forward compatibility)', () => {
    expect(decodeChatEvent({ event: 'message', data: '{}', id: '' })).toBeUndefined();
    expect(decodeChatEvent({ event: 'citation', data: '{"x":1}', id: '' })).toBeUndefined();
  });

  it.each([
    [
      'not JSON',
      { event: 'delta', data: 'hello', id: '' },
      /^The data of a "delta" event is not a JSON object\.$/,
    ],
    ['not an object', { event: 'delta', data: '"hello"', id: '' }, /not a JSON object/],
    [
      'missing field',
      { event: 'delta', data: '{}', id: '' },
      /^The "delta" event needs "text" to be a string; got nothing\.$/,
    ],
    ['wrong type', { event: 'start', data: '{"requestId":1}', id: '' }, /"requestId"/],
    [
      'missing usage',
      { event: 'done', data: '{"stopReason":"x"}', id: '' },
      /^The "done" event needs "usage" to be a JSON object; got nothing\.$/,
    ],
    [
      'bad usage',
      { event: 'done', data: '{"stopReason":"x","usage":{"inputTokens":"1"}}', id: '' },
      /^The "done" event needs "usage\.inputTokens" to be a number; got "1"\.$/,
    ],
    ['bad retryable', { event: 'error', data: '{"code":"x","message":"m"}', id: '' }, /retryable/],
  ])('throws invalid_event for %s', (_name, message, pattern) => {
    let caught: unknown;
    try {
      decodeChatEvent(message);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProtocolError);
    expect((caught as ProtocolError).code).toBe('invalid_event');
    expect((caught as ProtocolError).message).toMatch(pattern);
  });

  it('reports an error event with an unknown code as upstream_error, keeping its message', () => {
    const event = decodeChatEvent({
      event: 'error',
      data: '{"code":"new_code","message":"Something new.","retryable":false}',
      id: '9',
    });
    expect(event).toEqual({
      type: 'error',
      code: 'upstream_error',
      message: 'Something new.',
      retryable: false,
    });
  });
});

describe('parseErrorResponse', () => {
  it('reads every protocol error code', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(parseErrorResponse(JSON.stringify({ error: { code, message: 'm' } }))).toEqual({
        code,
        message: 'm',
      });
    }
  });

  it.each([
    '<html>502 Bad Gateway</html>',
    '{"message":"Forbidden"}',
    '{"error":{"code":"nope","message":"m"}}',
    '{"error":{"code":"unauthorized"}}',
    'null',
  ])('returns undefined for %s', (text) => {
    expect(parseErrorResponse(text)).toBeUndefined();
  });

  it('maps the codes to the statuses protocol v1 fixes', () => {
    expect(ERROR_STATUS).toMatchObject({
      invalid_request: 400,
      unauthorized: 401,
      forbidden: 403,
      method_not_allowed: 405,
      payload_too_large: 413,
      unsupported_media_type: 415,
      rate_limited: 429,
      upstream_error: 502,
      unavailable: 503,
    });
  });
});
