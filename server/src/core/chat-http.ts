/** An HTTP request as the core sees it: adapters build it from a Lambda event or a socket. */
export interface ChatHttpRequest {
  method: string;
  /** Header names in lower case; repeated headers joined with `,`. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The exact body bytes (already base64-decoded when the platform encoded them). */
  body: Uint8Array;
  /** The platform's own request id (Lambda's `awsRequestId`), for the logs. */
  platformRequestId?: string;
  /** Aborted by the adapter when the client went away; the model request is then cancelled. */
  signal?: AbortSignal;
}

/** Headers of a response; names in lower case. */
export type ResponseHeaders = Record<string, string>;

/** A response answered in one piece (errors, CORS preflight). */
export interface ChatHttpFixedResponse {
  kind: 'fixed';
  status: number;
  headers: ResponseHeaders;
  body: string;
}

/**
 * A 200 `text/event-stream` response. `body` yields SSE text (events and heartbeats); whoever
 * iterates it must either finish it or call `return()` so the model request is released.
 */
export interface ChatHttpStreamResponse {
  kind: 'stream';
  status: 200;
  headers: ResponseHeaders;
  body: AsyncIterable<string>;
}

export type ChatHttpResponse = ChatHttpFixedResponse | ChatHttpStreamResponse;
