import { ChatbotClient } from '@chatbot/sdk';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../src/index.js';

// A server (Next.js App Router's first render of a client component) has no window.
describe('server rendering', () => {
  const client = new ChatbotClient({ endpoint: 'http://127.0.0.1:9/chat', getToken: () => 'x' });
  const initialMessages: ChatMessage[] = [
    { id: 'u1', role: 'user', content: 'Hello?', status: 'done', createdAt: 1 },
    { id: 'a1', role: 'assistant', content: 'Hi!', status: 'done', createdAt: 2 },
  ];

  it('imports and renders without window or document', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const { ChatbotProvider } = await import('../src/index.js');
    const { ChatView } = await import('./support/chat-view.js');
    const html = renderToString(
      <ChatbotProvider client={client}>
        <ChatView id="ssr" initialMessages={initialMessages} />
      </ChatbotProvider>,
    );
    expect(html).toContain('Hello?');
    expect(html).toContain('Hi!');
    expect(html).toContain('>idle<');
  });

  it('gives each provider its own conversations, so server renders never mix', async () => {
    const { ChatbotProvider } = await import('../src/index.js');
    const { ChatView } = await import('./support/chat-view.js');
    const first = renderToString(
      <ChatbotProvider client={client}>
        <ChatView id="same-id" initialMessages={initialMessages} />
      </ChatbotProvider>,
    );
    const second = renderToString(
      <ChatbotProvider client={client}>
        <ChatView id="same-id" />
      </ChatbotProvider>,
    );
    expect(first).toContain('Hello?');
    expect(second).not.toContain('Hello?');
  });

  it('without a client, the hook throws a ChatStoreError with code no_client', async () => {
    const { ChatStoreError } = await import('../src/index.js');
    const { ChatView } = await import('./support/chat-view.js');
    let thrown: unknown;
    try {
      renderToString(<ChatView />);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChatStoreError);
    expect(thrown).toMatchObject({ code: 'no_client' });
  });
});
