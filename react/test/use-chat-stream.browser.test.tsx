import { ERROR_STATUS } from '@chatbot/sdk/protocol';
import { HttpResponse } from 'msw';
import { StrictMode, useEffect } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ChatbotProvider, type ChatMessage, useChatStream } from '../src/index.js';
import {
  ChatServer,
  delta,
  done,
  start,
  testClient,
  tokenHeader,
  worker,
} from './support/chat-server.js';
import { ChatView, MessagePreview, type RenderCounts, StatusBadge } from './support/chat-view.js';

let server: ChatServer;

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
});
afterAll(() => worker.stop());
beforeEach(() => {
  server = new ChatServer();
  worker.resetHandlers(server.handler);
});

const uniqueId = () => `conversation-${crypto.randomUUID()}`;

async function typeAndSend(text: string, region = page.getByRole('region', { name: 'chat' })) {
  await region.getByLabelText('Message').fill(text);
  await region.getByRole('button', { name: 'Send' }).click();
}

describe('useChatStream with the real ChatbotClient against MSW streams', () => {
  it('shows tokens as they arrive, then the finished answer', async () => {
    const screen = await render(<ChatView client={testClient()} />);
    await typeAndSend('Hi there');
    const answer = await server.answer();
    expect(answer.request).toEqual({ messages: [{ role: 'user', content: 'Hi there' }] });
    expect(answer.headers.get(tokenHeader)).toBe('test-token');
    await expect.element(screen.getByTestId('user-message')).toHaveTextContent('Hi there');
    await expect.element(screen.getByTestId('status')).toHaveTextContent('submitted');

    answer.send(start, delta('Hel'));
    const reply = screen.getByTestId('assistant-message');
    await expect.element(reply).toHaveTextContent('Hel');
    await expect.element(screen.getByTestId('status')).toHaveTextContent('streaming');
    await expect.element(reply).toHaveAttribute('data-status', 'streaming');

    answer.send(delta('lo, '), delta('world'));
    await expect.element(reply).toHaveTextContent('Hello, world');
    await expect.element(reply).toHaveAttribute('data-status', 'streaming');

    answer.send(done);
    answer.close();
    await expect.element(reply).toHaveAttribute('data-status', 'done');
    await expect.element(screen.getByTestId('status')).toHaveTextContent('idle');
  });

  it('stop keeps the partial text as stopped and ignores what the server sends after', async () => {
    const screen = await render(<ChatView client={testClient()} />);
    await typeAndSend('Tell me a story');
    const answer = await server.answer();
    answer.send(start, delta('Once upon'));
    const reply = screen.getByTestId('assistant-message');
    await expect.element(reply).toHaveTextContent('Once upon');

    await screen.getByRole('button', { name: 'Stop' }).click();
    await expect.element(reply).toHaveAttribute('data-status', 'stopped');
    await expect.element(screen.getByTestId('status')).toHaveTextContent('idle');
    // The client aborted the request: the server sees its response body cancelled.
    await expect.poll(() => answer.cancelled).toBe(true);
    answer.send(delta(' a time'), done);
    answer.close();
    // The next send works and its request carries the partial answer the user saw.
    await typeAndSend('Go on');
    const next = await server.answer();
    expect(next.request.messages).toEqual([
      { role: 'user', content: 'Tell me a story' },
      { role: 'assistant', content: 'Once upon' },
      { role: 'user', content: 'Go on' },
    ]);
    await expect.element(reply.first()).toHaveTextContent('Once upon');
  });

  it('shows an error, keeps the user message, and retry replaces the failed answer', async () => {
    server.respondOnce(
      HttpResponse.json(
        { error: { code: 'unavailable', message: 'The model is busy.' } },
        { status: ERROR_STATUS.unavailable },
      ),
    );
    const screen = await render(<ChatView client={testClient()} />);
    await typeAndSend('Question');
    await expect.element(screen.getByRole('alert')).toMatchTextContent(/^unavailable: /);
    await expect.element(screen.getByTestId('status')).toHaveTextContent('error');
    await expect.element(screen.getByTestId('user-message')).toHaveTextContent('Question');
    await expect
      .element(screen.getByTestId('assistant-message'))
      .toHaveAttribute('data-status', 'error');

    await screen.getByRole('button', { name: 'Retry' }).click();
    const answer = await server.answer();
    expect(answer.request).toEqual({ messages: [{ role: 'user', content: 'Question' }] });
    answer.send(start, delta('Recovered'), done);
    answer.close();
    const reply = screen.getByTestId('assistant-message');
    await expect.element(reply).toHaveAttribute('data-status', 'done');
    await expect.element(reply).toHaveTextContent('Recovered');
    expect(screen.getByTestId('assistant-message').elements()).toHaveLength(1);
    expect(screen.getByTestId('user-message').elements()).toHaveLength(1);
    await expect.element(screen.getByRole('alert')).not.toBeInTheDocument();
  });

  it("calls the hook's onError and onFinish for its sends", async () => {
    const finished: ChatMessage[] = [];
    const errors: string[] = [];
    server.respondOnce(
      HttpResponse.json(
        { error: { code: 'forbidden', message: 'Not for you.' } },
        { status: ERROR_STATUS.forbidden },
      ),
    );
    await render(
      <ChatView
        client={testClient()}
        onFinish={(message) => finished.push(message)}
        onError={(error) => errors.push(error.code)}
      />,
    );
    await typeAndSend('One');
    await expect.poll(() => errors).toEqual(['forbidden']);
    await typeAndSend('Two');
    const answer = await server.answer();
    answer.send(start, delta('ok'), done);
    answer.close();
    await expect.poll(() => finished.map((m) => [m.content, m.status])).toEqual([['ok', 'done']]);
    expect(errors).toEqual(['forbidden']);
  });

  it('a server error event mid-answer is shown and the streamed text stays', async () => {
    const screen = await render(<ChatView client={testClient()} />);
    await typeAndSend('Question');
    const answer = await server.answer();
    answer.send(start, delta('Half an'), {
      type: 'error',
      code: 'upstream_error',
      message: 'Bedrock stopped.',
      retryable: true,
    });
    answer.close();
    await expect.element(screen.getByRole('alert')).toMatchTextContent(/^upstream_error: /);
    const reply = screen.getByTestId('assistant-message');
    await expect.element(reply).toHaveAttribute('data-status', 'error');
    await expect.element(reply).toHaveTextContent('Half an');
  });

  it('refuses a second send while streaming (busy) and keeps the first answer going', async () => {
    const screen = await render(<ChatView client={testClient()} />);
    await typeAndSend('First');
    const answer = await server.answer();
    answer.send(start, delta('one'));
    await typeAndSend('Second');
    await expect.element(screen.getByTestId('refused')).toHaveTextContent('busy');
    answer.send(delta(' two'), done);
    answer.close();
    await expect.element(screen.getByTestId('assistant-message')).toHaveTextContent('one two');
    expect(server.requests).toBe(1);
    expect(screen.getByTestId('user-message').elements()).toHaveLength(1);
  });

  it('two components with the same id share one conversation', async () => {
    const id = uniqueId();
    const screen = await render(
      <ChatbotProvider client={testClient()}>
        <ChatView id={id} label="left" />
        <ChatView id={id} label="right" />
      </ChatbotProvider>,
    );
    const left = screen.getByRole('region', { name: 'left' });
    const right = screen.getByRole('region', { name: 'right' });
    await typeAndSend('Shared question', left);
    const answer = await server.answer();
    answer.send(start, delta('Same '), delta('text'));
    await expect.element(left.getByTestId('assistant-message')).toHaveTextContent('Same text');
    await expect.element(right.getByTestId('assistant-message')).toHaveTextContent('Same text');
    await expect.element(right.getByTestId('user-message')).toHaveTextContent('Shared question');

    answer.send(delta('!'));
    await expect.element(right.getByTestId('assistant-message')).toHaveTextContent('Same text!');
    await right.getByRole('button', { name: 'Stop' }).click();
    await expect
      .element(left.getByTestId('assistant-message'))
      .toHaveAttribute('data-status', 'stopped');
    expect(server.requests).toBe(1);
  });

  it('sends once under StrictMode, even when the send is made from an effect', async () => {
    function AutoSend() {
      const { messages, send } = useChatStream({ client: testClient(), abortOnUnmount: true });
      useEffect(() => {
        // StrictMode runs this twice; the second call is refused as busy.
        send('Hello from an effect').catch(() => {});
      }, [send]);
      return <p data-testid="answer">{messages[1]?.content}</p>;
    }
    const screen = await render(
      <StrictMode>
        <AutoSend />
      </StrictMode>,
    );
    const answer = await server.answer();
    answer.send(start, delta('Only once'), done);
    answer.close();
    // abortOnUnmount did not fire on StrictMode's simulated unmount: the answer completed.
    await expect.element(screen.getByTestId('answer')).toHaveTextContent('Only once');
    // Bounded wait for a second request that must not come.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests).toBe(1);
  });

  it('sends once per click under StrictMode', async () => {
    const screen = await render(
      <StrictMode>
        <ChatView client={testClient()} />
      </StrictMode>,
    );
    await typeAndSend('One click');
    const answer = await server.answer();
    answer.send(start, delta('Done'), done);
    answer.close();
    await expect.element(screen.getByTestId('assistant-message')).toHaveTextContent('Done');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests).toBe(1);
  });

  it('keeps streaming into the store after unmount, unless abortOnUnmount is set', async () => {
    const id = uniqueId();
    const client = testClient();
    const first = await render(<ChatView id={id} client={client} />);
    await typeAndSend('Long question');
    const answer = await server.answer();
    answer.send(start, delta('Part one'));
    await expect.element(first.getByTestId('assistant-message')).toHaveTextContent('Part one');
    await first.unmount();
    answer.send(delta(', part two'), done);
    answer.close();

    const again = await render(<ChatView id={id} client={client} />);
    const reply = again.getByTestId('assistant-message');
    await expect.element(reply).toHaveTextContent('Part one, part two');
    await expect.element(reply).toHaveAttribute('data-status', 'done');
    expect(answer.cancelled).toBe(false);
    await again.unmount();

    const other = uniqueId();
    const aborting = await render(<ChatView id={other} client={client} abortOnUnmount />);
    await typeAndSend('Another');
    const cut = await server.answer();
    cut.send(start, delta('Cut here'));
    await expect.element(aborting.getByTestId('assistant-message')).toHaveTextContent('Cut here');
    await aborting.unmount();
    await expect.poll(() => cut.cancelled).toBe(true);
    cut.send(delta(' and more'), done);
    cut.close();
    const back = await render(<ChatView id={other} client={client} />);
    await expect
      .element(back.getByTestId('assistant-message'))
      .toHaveAttribute('data-status', 'stopped');
    await expect.element(back.getByTestId('assistant-message')).toHaveTextContent('Cut here');
  });

  it('selector hooks re-render only for their slice', async () => {
    const id = uniqueId();
    const counts: RenderCounts = {};
    const screen = await render(
      <ChatbotProvider client={testClient()}>
        <ChatView id={id} />
        <StatusBadge id={id} counts={counts} />
      </ChatbotProvider>,
    );
    await typeAndSend('Count my renders');
    const answer = await server.answer();
    answer.send(start);
    let text = '';
    for (let i = 0; i < 50; i++) {
      text += `${i} `;
      answer.send(delta(`${i} `));
      // Waiting for each token to render makes each one a separate store update.
      await expect.element(screen.getByTestId('assistant-message')).toHaveTextContent(text.trim());
    }
    answer.send(done);
    answer.close();
    await expect.element(screen.getByTestId('badge')).toHaveTextContent('idle');
    // idle, submitted, streaming, idle: one render each, however many tokens streamed.
    expect(counts.status).toBeLessThanOrEqual(4);
  });

  it('useChatMessage follows one message by id', async () => {
    const id = uniqueId();
    const initialMessages = [
      { id: 'q1', role: 'user' as const, content: 'Old', status: 'done' as const, createdAt: 1 },
    ];
    const counts: RenderCounts = {};
    const screen = await render(
      <ChatbotProvider client={testClient()}>
        <ChatView id={id} initialMessages={initialMessages} />
        <MessagePreview id={id} messageId="q1" counts={counts} />
      </ChatbotProvider>,
    );
    await expect.element(screen.getByTestId('preview')).toHaveTextContent('Old');
    await typeAndSend('New');
    const answer = await server.answer();
    answer.send(start, delta('streaming text'), done);
    answer.close();
    await expect
      .element(screen.getByTestId('assistant-message'))
      .toHaveAttribute('data-status', 'done');
    // The followed message never changed, so its subscriber rendered once.
    expect(counts.preview).toBe(1);
  });
});
