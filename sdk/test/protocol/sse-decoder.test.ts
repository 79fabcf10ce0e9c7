import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSseDecoderStream,
  decodeSse,
  ProtocolError,
  SseDecoder,
  SseLineSplitter,
  type SseMessage,
} from '../../src/protocol/index.js';
import { SSE_FIXTURES } from './sse-fixtures.js';

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function bytewise(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
}

function run(chunks: Iterable<Uint8Array>) {
  const events: SseMessage[] = [];
  const retries: number[] = [];
  const decoder = new SseDecoder({
    onEvent: (event) => events.push(event),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return { events, retries, lastEventId: decoder.lastEventId };
}

describe('SSE decoder fixtures (WHATWG event stream interpretation)', () => {
  for (const fixture of SSE_FIXTURES) {
    describe(fixture.name, () => {
      const whole = concat(fixture.chunks);
      const chunkings: Array<[string, Uint8Array[]]> = [
        ['as given', fixture.chunks],
        ['as one chunk', [whole]],
      ];
      if (whole.length < 4096) chunkings.push(['one byte at a time', bytewise(whole)]);
      for (const [how, chunks] of chunkings) {
        it(how, () => {
          const result = run(chunks);
          expect(result.events).toEqual(fixture.events);
          expect(result.retries).toEqual(fixture.retries ?? []);
          if (fixture.lastEventId !== undefined)
            expect(result.lastEventId).toBe(fixture.lastEventId);
        });
      }
    });
  }
});

describe('SSE decoder limits', () => {
  it('rejects a line longer than maxBufferSize with a buffer_overflow ProtocolError', () => {
    const decoder = new SseDecoder({ onEvent: () => {}, maxBufferSize: 100 });
    decoder.push(new TextEncoder().encode(`data: ${'x'.repeat(60)}`));
    const error = (() => {
      try {
        decoder.push(new TextEncoder().encode('x'.repeat(60)));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe('buffer_overflow');
    expect((error as ProtocolError).message).toMatch(/maxBufferSize/);
  });

  it('rejects an event whose data lines add up past maxBufferSize', () => {
    const line = `data: ${'y'.repeat(40)}\n`;
    expect(() =>
      decodeSse([new TextEncoder().encode(line.repeat(5))], { maxBufferSize: 150 }),
    ).toThrowError(expect.objectContaining({ code: 'buffer_overflow' }));
  });

  it('accepts events right up to the limit and many of them in a row', () => {
    const data = 'z'.repeat(90);
    const events = decodeSse([new TextEncoder().encode(`data: ${data}\n\n`.repeat(50))], {
      maxBufferSize: 100,
    });
    expect(events).toHaveLength(50);
    expect(events.every((event) => event.data === data)).toBe(true);
  });
});

describe('createSseDecoderStream', () => {
  it('turns a byte stream into SSE messages', async () => {
    const body = new Blob(['id: 1\nevent: delta\ndata: {"text":"a"}\n\n', ': ping\n\n', 'data: b']);
    const reader = body.stream().pipeThrough(createSseDecoderStream()).getReader();
    const seen: SseMessage[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen.push(value);
    }
    expect(seen).toEqual([{ event: 'delta', data: '{"text":"a"}', id: '1' }]);
  });
});

// Property: whatever the events and however the bytes are split, decoding gives them back.
const fieldText = fc
  .string({ unit: 'grapheme', maxLength: 40 })
  .map((s) => s.replace(/[\r\n]/g, ''));
const sseEvent = fc.record({
  event: fc.option(
    fieldText.filter((s) => s !== ''),
    { nil: undefined },
  ),
  dataLines: fc.array(fieldText, { minLength: 1, maxLength: 4 }),
  id: fc.option(
    fieldText.filter((s) => !s.includes('\0')),
    { nil: undefined },
  ),
});
type GeneratedEvent = typeof sseEvent extends fc.Arbitrary<infer T> ? T : never;
const lineEnd = fc.constantFrom('\n', '\r', '\r\n');

function encode(events: GeneratedEvent[], eol: string, bom: boolean): Uint8Array {
  let out = bom ? '\uFEFF' : '';
  for (const e of events) {
    if (e.id !== undefined) out += `id: ${e.id}${eol}`;
    if (e.event !== undefined) out += `event: ${e.event}${eol}`;
    for (const line of e.dataLines) out += `data: ${line}${eol}`;
    out += eol;
  }
  return new TextEncoder().encode(out);
}

function expected(events: GeneratedEvent[]): SseMessage[] {
  let id = '';
  return events.map((e) => {
    if (e.id !== undefined) id = e.id;
    return { event: e.event ?? 'message', data: e.dataLines.join('\n'), id };
  });
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

describe('SSE decoder properties', () => {
  it('decodes encoded events back, however the bytes are split', () => {
    fc.assert(
      fc.property(
        fc.array(sseEvent, { maxLength: 8 }),
        lineEnd,
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        (events, eol, bom, cuts) => {
          const bytes = encode(events, eol, bom);
          expect(run(split(bytes, cuts)).events).toEqual(expected(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes under the buffer limit', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (bytes, cuts) => {
          run(split(bytes, cuts));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SseLineSplitter', () => {
  it('empty_chunk_between_cr_and_lf_made_two_line_ends: an empty chunk keeps the pending CR', () => {
    const lines: string[] = [];
    const splitter = new SseLineSplitter((line) => lines.push(line), 100);
    for (const chunk of ['a\r', '', '\n', 'b\r', '\r']) splitter.push(chunk);
    expect(lines).toEqual(['a', 'b', '']);
  });
});
