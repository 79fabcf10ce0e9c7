import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { ChatbotProvider, type ChatMessage } from '../src/index.js';
import { ChatServer, delta, done, start, testClient, worker } from './support/chat-server.js';
import { ChatView } from './support/chat-view.js';

let server: ChatServer;

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
});
afterAll(() => worker.stop());
beforeEach(() => {
  server = new ChatServer();
  worker.resetHandlers(server.handler);
});

const initialMessages: ChatMessage[] = [
  { id: 'u1', role: 'user', content: 'From the server', status: 'done', createdAt: 1 },
  { id: 'a1', role: 'assistant', content: 'Rendered there', status: 'done', createdAt: 2 },
];

it('hydrates server-rendered HTML without a mismatch, then streams', async () => {
  const client = testClient();
  const app = () => (
    <ChatbotProvider client={client}>
      <ChatView id="hydrated" initialMessages={initialMessages} />
    </ChatbotProvider>
  );
  // As Next.js does: HTML from the server render, then hydration in the browser.
  const container = document.createElement('div');
  container.innerHTML = renderToString(app());
  document.body.append(container);
  const recoverable: unknown[] = [];
  const root = hydrateRoot(container, app(), {
    onRecoverableError: (error) => recoverable.push(error),
  });
  try {
    await expect.element(page.getByTestId('status')).toHaveTextContent('idle');
    await page.getByLabelText('Message').fill('And now in the browser');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = await server.answer();
    expect(answer.request.messages).toHaveLength(3);
    answer.send(start, delta('Streamed'), done);
    answer.close();
    await expect
      .element(page.getByTestId('assistant-message').last())
      .toHaveTextContent('Streamed');
    expect(recoverable).toEqual([]);
  } finally {
    root.unmount();
    container.remove();
  }
});
