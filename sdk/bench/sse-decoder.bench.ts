// Throughput of the SSE decoder for the shapes that matter: a long answer made of many small
// delta events, and one huge event arriving in small chunks. Run with `npm run bench`.
import { expect, test } from 'vitest';
import { encodeEvent, SseDecoder } from '../src/protocol/index.js';

const utf8 = new TextEncoder();

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

function decodeAll(chunks: Uint8Array[]): number {
  let count = 0;
  const decoder = new SseDecoder({
    onEvent: () => {
      count++;
    },
  });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return count;
}

const deltas = utf8.encode(
  Array.from({ length: 20_000 }, (_, i) =>
    encodeEvent({ type: 'delta', text: `tok${i} ` }, i),
  ).join(''),
);
const huge = utf8.encode(`event: delta\ndata: ${'x'.repeat(10 * 1024 * 1024)}\n\n`);

test('20,000 delta events (~1 MB): chunk size barely matters', async ({ bench }) => {
  const big = chunked(deltas, 64 * 1024);
  const small = chunked(deltas, 100);
  await bench.compare(
    bench('64 KB chunks', () => {
      expect(decodeAll(big)).toBe(20_000);
    }),
    bench('100-byte chunks', () => {
      expect(decodeAll(small)).toBe(20_000);
    }),
    { iterations: 10, time: 2000 },
  );
});

test('one 10 MB event: 1 KB chunks cost about the same as one chunk (linear)', async ({
  bench,
}) => {
  const one = [huge];
  const kb = chunked(huge, 1024);
  await bench.compare(
    bench('one chunk', () => {
      expect(decodeAll(one)).toBe(1);
    }),
    bench('1 KB chunks', () => {
      expect(decodeAll(kb)).toBe(1);
    }),
    { iterations: 3, time: 2000 },
  );
});
