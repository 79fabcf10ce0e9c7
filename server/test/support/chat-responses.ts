import {
  type ChatEvent,
  type ChatRequestBody,
  decodeChatEvent,
  HEADERS,
  SseDecoder,
} from '@chatbot/sdk/protocol';

/** An event or heartbeat as it arrived, with the time it arrived (ms, performance.now()). */
export type Arrival = { at: number } & (
  | { kind: 'event'; event: ChatEvent }
  | { kind: 'comment'; text: string }
);

export interface ChatExchange {
  status: number;
  headers: Headers;
  /** The JSON body of a response that is not a stream. */
  json?: unknown;
  arrivals: Arrival[];
  events: ChatEvent[];
  /** All delta texts joined. */
  text: string;
}

export interface PostOptions {
  token?: string;
  headers?: Record<string, string>;
  body?: ChatRequestBody | string | Uint8Array;
  method?: string;
  signal?: AbortSignal;
  /** Called per arrival, e.g. to abort after the first delta. */
  onArrival?: (arrival: Arrival) => void;
}

/** A chat message body with one user turn. */
export function ask(prompt: string): ChatRequestBody {
  return { messages: [{ role: 'user', content: prompt }] };
}

/**
 * Sends a chat request over real HTTP and reads the stream with the sdk's SseDecoder, noting
 * when each event arrived.
 */
export async function postChat(url: string, options: PostOptions = {}): Promise<ChatExchange> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  if (options.token !== undefined) headers[HEADERS.token] = options.token;
  const body =
    options.body === undefined
      ? JSON.stringify(ask('Hello'))
      : typeof options.body === 'string' || options.body instanceof Uint8Array
        ? options.body
        : JSON.stringify(options.body);
  const response = await fetch(url, {
    method: options.method ?? 'POST',
    headers,
    ...(options.method === 'GET' || options.method === 'OPTIONS' ? {} : { body: body as BodyInit }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const exchange: ChatExchange = {
    status: response.status,
    headers: response.headers,
    arrivals: [],
    events: [],
    text: '',
  };
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const raw = await response.text();
    exchange.json = raw === '' ? undefined : JSON.parse(raw);
    return exchange;
  }
  const record = (arrival: Arrival) => {
    exchange.arrivals.push(arrival);
    if (arrival.kind === 'event') {
      exchange.events.push(arrival.event);
      if (arrival.event.type === 'delta') exchange.text += arrival.event.text;
    }
    options.onArrival?.(arrival);
  };
  const decoder = new SseDecoder({
    onEvent: (message) => {
      const event = decodeChatEvent(message);
      if (event) record({ at: performance.now(), kind: 'event', event });
    },
    onComment: (text) => record({ at: performance.now(), kind: 'comment', text }),
  });
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      decoder.push(value);
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  }
  decoder.end();
  return exchange;
}

/** The event types in order, e.g. `start delta delta done`. */
export function eventTypes(exchange: ChatExchange): string {
  return exchange.events.map((event) => event.type).join(' ');
}
