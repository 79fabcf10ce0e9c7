// One named fixture per wire edge case of the WHATWG event stream interpretation.
// `chunks` is the exact chunking the fixture is about; the tests also replay every fixture
// one byte at a time and as one piece, which must give the same events.
import type { SseMessage } from '../../src/protocol/index.js';

export interface SseFixture {
  name: string;
  chunks: Uint8Array[];
  events: SseMessage[];
  lastEventId?: string;
  retries?: number[];
}

const utf8 = new TextEncoder();
const text = (...parts: string[]) => parts.map((part) => utf8.encode(part));
const bytes = (...parts: number[][]) => parts.map((part) => Uint8Array.from(part));
const message = (data: string, event = 'message', id = ''): SseMessage => ({ event, data, id });

// "€" is E2 82 AC, "😀" is F0 9F 98 80.
const EURO = [0xe2, 0x82, 0xac];
const GRIN = [0xf0, 0x9f, 0x98, 0x80];

export const SSE_FIXTURES: SseFixture[] = [
  {
    name: 'simple event',
    chunks: text('event: delta\ndata: {"text":"hi"}\n\n'),
    events: [message('{"text":"hi"}', 'delta')],
  },
  {
    name: 'leading BOM stripped once',
    chunks: bytes([0xef, 0xbb, 0xbf, ...utf8.encode('data: a\n\n')]),
    events: [message('a')],
  },
  {
    name: 'leading BOM split across chunks',
    chunks: bytes([0xef], [0xbb], [0xbf, ...utf8.encode('data: a\n\n')]),
    events: [message('a')],
  },
  {
    name: 'second BOM is part of the field name, so the field is unknown',
    chunks: bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8.encode('data: a\n\ndata: b\n\n')]),
    events: [message('b')],
  },
  {
    name: 'BOM after the start is data',
    chunks: text('data: \uFEFFa\n\n'),
    events: [message('\uFEFFa')],
  },
  {
    name: 'CR line ends',
    chunks: text('data: a\rdata: b\r\r'),
    events: [message('a\nb')],
  },
  {
    name: 'CRLF line ends',
    chunks: text('data: a\r\ndata: b\r\n\r\n'),
    events: [message('a\nb')],
  },
  {
    name: 'mixed CR, LF and CRLF line ends',
    chunks: text('data: a\rdata: b\ndata: c\r\n\n'),
    events: [message('a\nb\nc')],
  },
  {
    name: 'CR at the end of one chunk, LF at the start of the next',
    chunks: text('data: a\r', '\n\r', '\n'),
    events: [message('a')],
  },
  {
    name: 'CR at the end of a chunk followed by a new line in the next',
    chunks: text('data: a\r', 'data: b\r', '\r'),
    events: [message('a\nb')],
  },
  {
    name: 'multi-byte character split between chunks',
    chunks: bytes(
      [...utf8.encode('data: '), EURO[0]!],
      [EURO[1]!],
      [EURO[2]!, GRIN[0]!, GRIN[1]!],
      [GRIN[2]!, GRIN[3]!, 0x0a, 0x0a],
    ),
    events: [message('€😀')],
  },
  {
    name: 'invalid UTF-8 becomes U+FFFD, not an exception',
    chunks: bytes([...utf8.encode('data: '), 0xff, 0x0a, 0x0a]),
    events: [message('\uFFFD')],
  },
  {
    name: 'data without a space after the colon',
    chunks: text('data:x\n\n'),
    events: [message('x')],
  },
  {
    name: 'only one leading space is stripped',
    chunks: text('data:  two\n\n'),
    events: [message(' two')],
  },
  {
    name: 'a field with no colon has an empty value',
    chunks: text('data\ndata\ndata\n\n'),
    events: [message('\n\n')],
  },
  {
    name: 'a lone data field with no colon dispatches an empty event',
    chunks: text('data\n\n'),
    events: [message('')],
  },
  {
    name: 'an empty first data line is kept',
    chunks: text('data:\ndata: x\n\n'),
    events: [message('\nx')],
  },
  {
    name: 'data lines are joined with LF and the last LF removed',
    chunks: text('data: a\ndata: b\ndata: c\n\n'),
    events: [message('a\nb\nc')],
  },
  {
    name: 'an event with no data is not dispatched but its id is kept',
    chunks: text('id: 7\n\nevent: delta\n\ndata: x\n\n'),
    events: [message('x', 'message', '7')],
    lastEventId: '7',
  },
  {
    name: 'the last event id persists across events',
    chunks: text('id: 1\ndata: a\n\ndata: b\n\n'),
    events: [message('a', 'message', '1'), message('b', 'message', '1')],
    lastEventId: '1',
  },
  {
    name: 'an empty id resets the last event id',
    chunks: text('id: 1\ndata: a\n\nid\ndata: b\n\n'),
    events: [message('a', 'message', '1'), message('b', 'message', '')],
    lastEventId: '',
  },
  {
    name: 'an id containing NULL is ignored',
    chunks: text('id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n'),
    events: [message('a', 'message', '1'), message('b', 'message', '1')],
    lastEventId: '1',
  },
  {
    name: 'retry only when all ASCII digits',
    chunks: text('retry: 1500\nretry: 15x\nretry: -1\nretry:  20\nretry\nretry: 2500\ndata: a\n\n'),
    events: [message('a')],
    retries: [1500, 2500],
  },
  {
    name: 'comments are ignored, heartbeats included',
    chunks: text(': ping\n\n:\ndata: a\n: in the middle\ndata: b\n\n'),
    events: [message('a\nb')],
  },
  {
    name: 'unknown fields are ignored',
    chunks: text('foo: bar\nData: no\ndata : no\ndata: yes\n\n'),
    events: [message('yes')],
  },
  {
    name: 'the event type defaults to message and resets after dispatch',
    chunks: text('event: start\ndata: 1\n\ndata: 2\n\n'),
    events: [message('1', 'start'), message('2')],
  },
  {
    name: 'an empty event field means message',
    chunks: text('event:\ndata: a\n\n'),
    events: [message('a')],
  },
  {
    name: 'the last event field wins',
    chunks: text('event: a\nevent: b\ndata: x\n\n'),
    events: [message('x', 'b')],
  },
  {
    name: 'a final event with no blank line after it is dropped',
    chunks: text('data: a\n\ndata: b\n'),
    events: [message('a')],
  },
  {
    name: 'a final line with no line end is dropped',
    chunks: text('data: a\n\ndata: b'),
    events: [message('a')],
  },
  {
    name: 'colons after the first belong to the value',
    chunks: text('data: a:b: c\n\n'),
    events: [message('a:b: c')],
  },
  {
    name: 'huge event in many chunks',
    chunks: [
      ...text('event: delta\ndata: '),
      ...Array.from({ length: 512 }, () => utf8.encode('x'.repeat(1024))),
      ...text('\n\n'),
    ],
    events: [message('x'.repeat(512 * 1024), 'delta')],
  },
];
