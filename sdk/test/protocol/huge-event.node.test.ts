import { describe, expect, it } from 'vitest';
import { SseDecoder } from '../../src/protocol/index.js';

// Regression: @microsoft/fetch-event-source re-concatenates its byte buffer per chunk, so one
// event spanning many chunks is quadratic (measured: 10 MB in 1 KB chunks ~13 s, 20 MB ~49 s).
// Our decoder must stay linear in the input however it is chunked.
function parseOneByteAtATime(megabytes: number): { ms: number; length: number } {
  const size = Math.round(megabytes * 1024 * 1024);
  const prefix = new TextEncoder().encode('event: delta\ndata: ');
  const bytes = new Uint8Array(prefix.length + size + 2);
  bytes.set(prefix);
  bytes.fill(0x61, prefix.length, prefix.length + size);
  bytes[bytes.length - 2] = 0x0a;
  bytes[bytes.length - 1] = 0x0a;
  let length = -1;
  const decoder = new SseDecoder({
    onEvent: (event) => {
      length = event.data.length;
    },
  });
  const started = performance.now();
  for (let i = 0; i < bytes.length; i++) decoder.push(bytes.subarray(i, i + 1));
  decoder.end();
  return { ms: performance.now() - started, length };
}

describe('a huge event arriving one byte at a time', () => {
  it('quadratic_buffering_on_events_spanning_many_chunks: 10 MB parses, and 4x the input costs far less than 16x the time', () => {
    const small = parseOneByteAtATime(2.5);
    const large = parseOneByteAtATime(10);
    expect(small.length).toBe(2.5 * 1024 * 1024);
    expect(large.length).toBe(10 * 1024 * 1024);
    // Linear would be ~4x; quadratic 16x. The bound leaves room for GC and a busy machine.
    expect(large.ms / small.ms).toBeLessThan(9);
  }, 120_000);
});
