// Runs ChatbotClient inside a dedicated Web Worker: no window, no document. MSW's Service
// Worker answers only documents it was started in, so the network here is a `fetch` that
// checks the request and streams the answer, given through the client's `fetch` option.
import { ChatbotClient } from '../../src/index.js';
import { HEADERS } from '../../src/protocol/index.js';
import {
  delta,
  ENDPOINT,
  HAPPY_ANSWER,
  multiByteChunks,
  START,
  USER_REQUEST,
} from './sse-fixtures.js';

/** What the worker reports back to the test. */
export interface WorkerReport {
  hasWindow: boolean;
  hasDocument: boolean;
  text: string;
  multiByteText: string;
  hashMatches: boolean;
  token: string | null;
  abortedCode: string;
  abortedPartialText: string;
  bodyCancelled: boolean;
}

const encoder = new TextEncoder();
let hashMatches = false;
let token: string | null = null;
let bodyCancelled = false;

async function hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A response that sends `chunks`, then closes, or stays open (`hang`) until cancelled. */
function answer(chunks: (string | Uint8Array)[], hang = false): Response {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk !== undefined) {
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      } else if (!hang) controller.close();
      else return new Promise<void>(() => {});
    },
    cancel() {
      bodyCancelled = true;
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

function fetchAnswering(chunks: (string | Uint8Array)[], hang = false): typeof fetch {
  return async (_input, init) => {
    const headers = new Headers(init?.headers);
    hashMatches =
      headers.get(HEADERS.contentSha256) === (await hex(init?.body as Uint8Array<ArrayBuffer>));
    token = headers.get(HEADERS.token);
    return answer(chunks, hang);
  };
}

self.onmessage = async () => {
  const client = (fetch: typeof globalThis.fetch) =>
    new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'worker-jwt', fetch });
  const { text } = await client(fetchAnswering(HAPPY_ANSWER)).send(USER_REQUEST);
  const multiByte = await client(fetchAnswering(multiByteChunks())).send(USER_REQUEST);
  const controller = new AbortController();
  const aborted = await client(fetchAnswering([START, delta('Half')], true))
    .send(USER_REQUEST, { signal: controller.signal, onDelta: () => controller.abort() })
    .catch((error: { code: string; partialText: string }) => error);
  const report: WorkerReport = {
    hasWindow: 'window' in globalThis,
    hasDocument: 'document' in globalThis,
    text,
    multiByteText: multiByte.text,
    hashMatches,
    token,
    abortedCode: 'code' in aborted ? aborted.code : 'none',
    abortedPartialText: 'partialText' in aborted ? aborted.partialText : '',
    bodyCancelled,
  };
  postMessage(report);
};
