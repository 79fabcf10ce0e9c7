// One MSW set-up for both test projects: msw/node's server in Node, msw/browser's Service
// Worker in Chromium (the worker script is served by the msw Vite plugin in vitest.config.ts).
import type { RequestHandler } from 'msw';

export interface MockNetwork {
  use(...handlers: RequestHandler[]): void;
  reset(): void;
  close(): Promise<void>;
}

const inBrowser = typeof document !== 'undefined';

/** Starts intercepting fetch; requests with no handler fail the test in Node. */
export async function startMockNetwork(): Promise<MockNetwork> {
  if (inBrowser) {
    const { setupWorker } = await import('msw/browser');
    const worker = setupWorker();
    // 'bypass': Vitest's own module requests go through the same Service Worker.
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
    return {
      use: (...handlers) => worker.use(...handlers),
      reset: () => worker.resetHandlers(),
      close: async () => worker.stop(),
    };
  }
  // A computed specifier keeps Vite from bundling the Node-only module into the browser run.
  const nodeEntry = 'msw/node';
  const { setupServer } = (await import(/* @vite-ignore */ nodeEntry)) as typeof import('msw/node');
  const server = setupServer();
  server.listen({ onUnhandledFrame: 'error' });
  return {
    use: (...handlers) => server.use(...handlers),
    reset: () => server.resetHandlers(),
    close: async () => server.close(),
  };
}
