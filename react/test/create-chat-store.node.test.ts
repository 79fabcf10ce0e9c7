import { ChatbotError } from '@chatbot/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatStoreError } from '../src/chat-store-error.js';
import type { ChatMessage } from '../src/chat-types.js';
import { createChatStore } from '../src/create-chat-store.js';
import { delta, done, ScriptedTransport, settle, start } from './support/scripted-transport.js';

// The split the architecture asks for: the store works with React absent.
vi.mock('react', () => {
  throw new Error('the store must not import React');
});

function setup(options: Partial<Parameters<typeof createChatStore>[0]> = {}) {
  const transport = new ScriptedTransport();
  let n = 0;
  const store = createChatStore({
    client: transport,
    flush: 'sync',
    generateId: () => `id${++n}`,
    ...options,
  });
  return { transport, store };
}

const hello: ChatMessage = {
  id: 'h1',
  role: 'user',
  content: 'Earlier question',
  status: 'done',
  createdAt: 1,
};
const helloAnswer: ChatMessage = {
  id: 'h2',
  role: 'assistant',
  content: 'Earlier answer',
  status: 'done',
  createdAt: 2,
};

afterEach(() => {
  vi.useRealTimers();
});

describe('createChatStore', () => {
  it('streams an answer: submitted, streaming, then done with usage', async () => {
    const { transport, store } = setup({ initialMessages: [hello, helloAnswer] });
    const sent = store.getState().send('Hi there');
    expect(store.getState().status).toBe('submitted');
    expect(store.getState().messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Earlier question', 'done'],
      ['assistant', 'Earlier answer', 'done'],
      ['user', 'Hi there', 'done'],
      ['assistant', '', 'streaming'],
    ]);
    expect(transport.last.request).toEqual({
      messages: [
        { role: 'user', content: 'Earlier question' },
        { role: 'assistant', content: 'Earlier answer' },
        { role: 'user', content: 'Hi there' },
      ],
    });

    transport.last.push(start, delta('Hel'));
    await settle();
    expect(store.getState().status).toBe('streaming');
    expect(store.getState().messages[3]!.content).toBe('Hel');

    transport.last.push(delta('lo!'), done);
    const answer = await sent;
    expect(answer).toMatchObject({
      id: 'id2',
      role: 'assistant',
      content: 'Hello!',
      status: 'done',
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: 5 },
    });
    expect(store.getState().messages[3]).toBe(answer);
    expect(store.getState().status).toBe('idle');
    expect(store.getState().error).toBeUndefined();
  });

  it('passes conversationId with every request', async () => {
    const { transport, store } = setup({ conversationId: 'c-42' });
    void store.getState().send('Hi');
    expect(transport.last.request.conversationId).toBe('c-42');
  });

  it('publishes a new object for the streaming answer only; earlier messages keep identity', async () => {
    const { transport, store } = setup({ initialMessages: [hello, helloAnswer] });
    void store.getState().send('Hi');
    const before = store.getState().messages;
    transport.last.push(start, delta('a'), delta('b'));
    await settle();
    const after = store.getState().messages;
    expect(after).not.toBe(before);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    for (let i = 0; i < 3; i++) expect(after[i]).toBe(before[i]);
    expect(after[3]).not.toBe(before[3]);
    expect(store.getState().getMessage('id2')).toBe(after[3]);
    expect(store.getState().getMessage('h1')).toBe(hello);
    expect(store.getState().getMessage('nope')).toBeUndefined();
  });

  it('coalesces a burst of deltas into one publication per flush interval', async () => {
    vi.useFakeTimers();
    const { transport, store } = setup({ flush: 50 });
    void store.getState().send('Hi');
    const published: string[] = [];
    store.subscribe((state, previous) => {
      if (state.messages !== previous.messages) published.push(state.messages[1]!.content);
    });
    transport.last.push(start);
    for (let i = 0; i < 1000; i++) transport.last.push(delta('x'));
    await settle(transport.last);
    // Nothing reaches subscribers before the flush interval...
    expect(published).toEqual([]);
    vi.advanceTimersByTime(50);
    // ...then the whole burst arrives in one update.
    expect(published).toEqual(['x'.repeat(1000)]);
    transport.last.push(delta('y'), done);
    await settle(transport.last);
    expect(published.at(-1)).toBe(`${'x'.repeat(1000)}y`);
    expect(published.length).toBe(2);
  });

  it('falls back to a timer for animationFrame where requestAnimationFrame is missing (Node)', async () => {
    vi.useFakeTimers();
    expect(globalThis.requestAnimationFrame).toBeUndefined();
    const { transport, store } = setup({ flush: 'animationFrame' });
    void store.getState().send('Hi');
    transport.last.push(start, delta('a'), delta('b'));
    await settle(transport.last);
    expect(store.getState().messages[1]!.content).toBe('');
    vi.advanceTimersByTime(16);
    expect(store.getState().messages[1]!.content).toBe('ab');
  });

  it('notifies per delta with flush "sync"', async () => {
    const { transport, store } = setup({ flush: 'sync' });
    void store.getState().send('Hi');
    let updates = 0;
    store.subscribe((state, previous) => {
      if (state.messages !== previous.messages) updates++;
    });
    transport.last.push(start);
    for (let i = 0; i < 100; i++) transport.last.push(delta('x'));
    await settle(transport.last);
    expect(updates).toBe(100);
  });

  it('refuses a second send while an answer streams (busy) and changes nothing', async () => {
    const { transport, store } = setup();
    void store.getState().send('First');
    const before = store.getState();
    const second = store.getState().send('Second');
    await expect(second).rejects.toBeInstanceOf(ChatStoreError);
    await expect(second).rejects.toMatchObject({ code: 'busy' });
    expect(store.getState()).toBe(before);
    expect(transport.calls).toHaveLength(1);
    await expect(store.getState().retry()).rejects.toMatchObject({ code: 'busy' });
  });

  it('refuses an empty message', async () => {
    const { transport, store } = setup();
    await expect(store.getState().send('  \n')).rejects.toMatchObject({ code: 'empty_message' });
    expect(store.getState().messages).toEqual([]);
    expect(transport.calls).toHaveLength(0);
  });

  it('stop keeps the partial answer as stopped, aborts the stream and ignores later events', async () => {
    const { transport, store } = setup({ flush: 1000 });
    vi.useFakeTimers();
    const sent = store.getState().send('Tell me a story');
    transport.last.push(start, delta('Once upon'));
    await settle(transport.last);
    store.getState().stop();
    expect(transport.last.signal?.aborted).toBe(true);
    // The text still waiting for its flush is published by stop, not lost.
    expect(store.getState().messages[1]).toMatchObject({
      content: 'Once upon',
      status: 'stopped',
    });
    expect(store.getState().status).toBe('idle');
    await expect(sent).resolves.toMatchObject({ content: 'Once upon', status: 'stopped' });
    transport.last.push(delta(' a time'));
    await settle();
    vi.advanceTimersByTime(2000);
    expect(store.getState().messages[1]!.content).toBe('Once upon');
    store.getState().stop(); // a second stop is harmless
    expect(store.getState().status).toBe('idle');
  });

  it('an error lands on the answer and in `error`, keeping the user message and partial text', async () => {
    const onError = vi.fn();
    const { transport, store } = setup({ onError });
    const sent = store.getState().send('Question');
    transport.last.push(start, delta('Part'));
    await settle();
    const failure = new ChatbotError('network', 'connection reset');
    transport.last.fail(failure);
    const answer = await sent;
    expect(answer).toMatchObject({ content: 'Part', status: 'error', error: failure });
    const state = store.getState();
    expect(state.status).toBe('error');
    expect(state.error).toBe(failure);
    expect(state.messages[0]).toMatchObject({ role: 'user', content: 'Question' });
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('retry replaces the failed answer and re-sends the same history', async () => {
    const { transport, store } = setup();
    void store.getState().send('Question');
    transport.last.push(start, delta('broken'));
    transport.last.fail(new ChatbotError('upstream_error', 'upstream_error'));
    await settle();
    expect(store.getState().status).toBe('error');
    const firstRequest = transport.last.request;

    const retried = store.getState().retry();
    expect(transport.calls).toHaveLength(2);
    expect(transport.last.request).toEqual(firstRequest);
    expect(store.getState().error).toBeUndefined();
    expect(store.getState().messages.map((m) => [m.content, m.status])).toEqual([
      ['Question', 'done'],
      ['', 'streaming'],
    ]);
    transport.last.push(start, delta('fixed'), done);
    await expect(retried).resolves.toMatchObject({ content: 'fixed', status: 'done' });
    expect(store.getState().messages).toHaveLength(2);
    expect(store.getState().messages[1]!.id).toBe('id3');
  });

  it('retry replaces a stopped answer', async () => {
    const { transport, store } = setup();
    void store.getState().send('Question');
    transport.last.push(start, delta('half'));
    await settle();
    store.getState().stop();
    void store.getState().retry();
    expect(store.getState().messages.map((m) => m.status)).toEqual(['done', 'streaming']);
    expect(transport.last.request.messages).toEqual([{ role: 'user', content: 'Question' }]);
  });

  it('retry without a user message is refused (nothing_to_retry)', async () => {
    const { store } = setup({ initialMessages: [helloAnswer] });
    await expect(store.getState().retry()).rejects.toMatchObject({ code: 'nothing_to_retry' });
  });

  it('leaves empty answers (failed before any text) out of the next request', async () => {
    const { transport, store } = setup();
    void store.getState().send('First');
    transport.last.fail(new ChatbotError('unavailable', 'unavailable'));
    await settle();
    void store.getState().send('Second');
    expect(transport.last.request.messages).toEqual([
      { role: 'user', content: 'First' },
      { role: 'user', content: 'Second' },
    ]);
  });

  it('sends only the latest historyLimit turns, so a long conversation keeps working', async () => {
    const long: ChatMessage[] = Array.from({ length: 150 }, (_, i) => ({
      id: `old${i}`,
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `turn ${i}`,
      status: 'done',
      createdAt: i,
    }));
    const { transport, store } = setup({ initialMessages: long });
    void store.getState().send('latest');
    const sent = transport.last.request.messages;
    // The newest 100 turns would start with an answer; the window starts at a user turn.
    expect(sent).toHaveLength(99);
    expect(sent[0]).toEqual({ role: 'user', content: 'turn 52' });
    expect(sent.at(-1)).toEqual({ role: 'user', content: 'latest' });
    expect(store.getState().messages).toHaveLength(152);

    const few = setup({ initialMessages: long, historyLimit: 3 });
    void few.store.getState().send('latest');
    expect(few.transport.last.request.messages.map((t) => t.content)).toEqual([
      'turn 148',
      'turn 149',
      'latest',
    ]);
  });

  it('a stream that ends without done is truncated', async () => {
    const { transport, store } = setup();
    const sent = store.getState().send('Q');
    transport.last.push(start, delta('cut'));
    transport.last.end();
    await expect(sent).resolves.toMatchObject({
      status: 'error',
      content: 'cut',
      error: { code: 'truncated' },
    });
  });

  it('a yielded server error event becomes server_error with its code', async () => {
    const { transport, store } = setup();
    const sent = store.getState().send('Q');
    transport.last.push(start, {
      type: 'error',
      code: 'rate_limited',
      message: 'Slow down',
      retryable: true,
    });
    const answer = await sent;
    expect(answer.error).toBeInstanceOf(ChatStoreError);
    expect(answer.error).toMatchObject({
      code: 'server_error',
      serverCode: 'rate_limited',
      retryable: true,
      message: 'Slow down',
    });
    expect(transport.last.returned).toBe(true);
  });

  it('something thrown without a code becomes `unexpected`, keeping it as cause', async () => {
    const { transport, store } = setup();
    const sent = store.getState().send('Q');
    transport.last.fail('boom');
    const answer = await sent;
    expect(answer.error).toMatchObject({ code: 'unexpected', cause: 'boom' });
  });

  it('an abort from outside the store ends the answer as stopped', async () => {
    const { transport, store } = setup();
    const sent = store.getState().send('Q');
    transport.last.push(start, delta('some'));
    await settle();
    transport.last.fail(new ChatbotError('aborted', 'aborted'));
    await expect(sent).resolves.toMatchObject({ status: 'stopped', content: 'some' });
    expect(store.getState().status).toBe('idle');
  });

  it('reset aborts the answer in flight and replaces the conversation', async () => {
    const { transport, store } = setup();
    const sent = store.getState().send('Q');
    transport.last.push(start, delta('x'));
    await settle();
    store.getState().reset([hello]);
    expect(transport.last.signal?.aborted).toBe(true);
    expect(store.getState()).toMatchObject({ messages: [hello], status: 'idle', error: undefined });
    await expect(sent).resolves.toMatchObject({ status: 'stopped', content: 'x' });
    transport.last.push(delta('late'), done);
    await settle();
    expect(store.getState().messages).toEqual([hello]);
    store.getState().reset();
    expect(store.getState().messages).toEqual([]);
  });

  it('calls onFinish of the send and of the store; a throwing callback leaves the state whole', async () => {
    const storeFinish = vi.fn();
    const { transport, store } = setup({ onFinish: storeFinish });
    const thrown: unknown[] = [];
    const onUncaught = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const sent = store.getState().send('Q', {
        onFinish: () => {
          throw new Error('callback bug');
        },
      });
      transport.last.push(start, delta('ok'), done);
      await expect(sent).resolves.toMatchObject({ status: 'done', content: 'ok' });
      expect(store.getState().status).toBe('idle');
      expect(storeFinish).toHaveBeenCalledWith(expect.objectContaining({ content: 'ok' }));
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(thrown).toEqual([new Error('callback bug')]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
