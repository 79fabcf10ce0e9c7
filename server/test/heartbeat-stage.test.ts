import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { heartbeatStage } from '../src/core/heartbeat-stage.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A source that yields `items` at the given times (ms after start). */
async function* timed(items: [number, string][]): AsyncGenerator<string> {
  let now = 0;
  for (const [at, item] of items) {
    await new Promise((resolve) => setTimeout(resolve, at - now));
    now = at;
    yield item;
  }
}

async function collect(
  stage: AsyncIterable<string>,
  untilMs: number,
): Promise<{ at: number; item: string }[]> {
  const out: { at: number; item: string }[] = [];
  const start = Date.now();
  const done = (async () => {
    for await (const item of stage) out.push({ at: Date.now() - start, item });
  })();
  await vi.advanceTimersByTimeAsync(untilMs);
  await done;
  return out;
}

test('pings every 15 s of silence and never between items that come sooner', async () => {
  const out = await collect(
    heartbeatStage(
      timed([
        [0, 'start'],
        [40_000, 'delta'],
        [45_000, 'done'],
      ]),
      15_000,
    ),
    50_000,
  );
  expect(out).toEqual([
    { at: 0, item: 'start' },
    { at: 15_000, item: ': ping\n\n' },
    { at: 30_000, item: ': ping\n\n' },
    { at: 40_000, item: 'delta' },
    { at: 45_000, item: 'done' },
  ]);
});

test('the silence is measured from the last item, not from the start', async () => {
  const out = await collect(
    heartbeatStage(
      timed([
        [10_000, 'a'],
        [24_000, 'b'],
        [40_000, 'c'],
      ]),
      15_000,
    ),
    45_000,
  );
  expect(out.map((o) => `${o.at}:${o.item.trim()}`)).toEqual([
    '10000:a',
    '24000:b',
    '39000:: ping',
    '40000:c',
  ]);
});

test('a source error goes through', async () => {
  async function* failing(): AsyncGenerator<string> {
    yield 'a';
    throw new Error('boom');
  }
  const items: string[] = [];
  await expect(
    (async () => {
      for await (const item of heartbeatStage(failing(), 1_000)) items.push(item);
    })(),
  ).rejects.toThrow('boom');
  expect(items).toEqual(['a']);
});
