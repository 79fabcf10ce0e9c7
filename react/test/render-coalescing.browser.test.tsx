import type { ChatEvent } from '@chatbot/sdk/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { FlushMode } from '../src/index.js';
import { ChatServer, delta, done, start, testClient, worker } from './support/chat-server.js';
import { ChatView, type RenderCounts } from './support/chat-view.js';

let server: ChatServer;

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
});
afterAll(() => worker.stop());
beforeEach(() => {
  server = new ChatServer();
  worker.resetHandlers(server.handler);
});

/** Streams `n` deltas in one network chunk and returns the renders each component made. */
async function burst(n: number, flush?: FlushMode) {
  const counts: RenderCounts = {};
  await render(<ChatView client={testClient()} counts={counts} flush={flush} />);
  await page.getByLabelText('Message').fill('A long answer, please');
  await page.getByRole('button', { name: 'Send' }).click();
  const answer = await server.answer();
  await expect.element(page.getByTestId('status')).toHaveTextContent('submitted');
  const before = { ...counts };

  const deltas: ChatEvent[] = Array.from({ length: n }, (_, i) => delta(`t${i} `));
  answer.send(start, ...deltas, done);
  answer.close();

  const reply = page.getByTestId('assistant-message');
  await expect.element(reply).toHaveAttribute('data-status', 'done');
  const expected = Array.from({ length: n }, (_, i) => `t${i}`).join(' ');
  await expect.element(reply).toHaveTextContent(expected);
  const since = (name: string) => (counts[name] ?? 0) - (before[name] ?? 0);
  return {
    list: since('list'),
    user: since('message:user'),
    assistant: since('message:assistant'),
  };
}

describe('render coalescing', () => {
  it('5,000 deltas in one burst render the list a few dozen times at most, not 5,000', async () => {
    const renders = await burst(5000);
    console.info(`5,000 deltas, flush animationFrame: ${renders.list} list renders`);
    expect(renders.list).toBeGreaterThanOrEqual(1);
    expect(renders.list).toBeLessThanOrEqual(50);
    // Memoised message components: the unchanged user message does no work at all.
    expect(renders.user).toBe(0);
    expect(renders.assistant).toBeLessThanOrEqual(renders.list);
  });

  it('the render counter does see per-delta renders when flush is "sync" (control)', async () => {
    const renders = await burst(300, 'sync');
    console.info(`300 deltas, flush sync: ${renders.list} list renders`);
    expect(renders.list).toBeGreaterThan(30);
    expect(renders.user).toBe(0);
  });
});
