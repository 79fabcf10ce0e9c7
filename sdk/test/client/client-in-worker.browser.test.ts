import { expect, it } from 'vitest';
import { realDelay } from './bounded-wait.js';
import type { WorkerReport } from './client-worker.js';

it('ChatbotClient works unchanged inside a Web Worker', async () => {
  const worker = new Worker(new URL('./client-worker.ts', import.meta.url), { type: 'module' });
  try {
    const reported = new Promise<WorkerReport>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerReport>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(`The worker failed: ${event.message}`));
    });
    worker.postMessage('run');
    const report = await Promise.race([
      reported,
      realDelay(15_000).then(() => {
        throw new Error('The worker did not report within 15 s.');
      }),
    ]);
    expect(report).toEqual({
      hasWindow: false,
      hasDocument: false,
      text: 'Hello, world',
      multiByteText: '3 € 🙂',
      hashMatches: true,
      token: 'worker-jwt',
      abortedCode: 'aborted',
      abortedPartialText: 'Half',
      bodyCancelled: true,
    } satisfies WorkerReport);
  } finally {
    worker.terminate();
  }
});
