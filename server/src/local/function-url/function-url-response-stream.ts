import type { ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import type { PreludeWritable, ResponsePrelude } from './aws-lambda-global.js';

/**
 * The response stream a local Function URL hands the handler: the prelude becomes the HTTP
 * status and headers, and every chunk goes to the socket as soon as it is written.
 */
export class FunctionUrlResponseStream extends Writable implements PreludeWritable {
  readonly #res: ServerResponse;
  readonly #requestId: string;
  #prelude: ResponsePrelude = {};
  #contentType: string | undefined;

  constructor(res: ServerResponse, requestId: string) {
    super();
    this.#res = res;
    this.#requestId = requestId;
  }

  setPrelude(prelude: ResponsePrelude): void {
    this.#prelude = prelude;
  }

  setContentType(contentType: string): void {
    this.#contentType = contentType;
  }

  /** Sends status and headers if nothing was sent yet. */
  #head(): void {
    if (this.#res.headersSent) return;
    const headers: Record<string, string | string[]> = {
      'content-type': this.#contentType ?? 'application/octet-stream',
      ...this.#prelude.headers,
      'x-amzn-requestid': this.#requestId,
    };
    if (this.#prelude.cookies?.length) headers['set-cookie'] = this.#prelude.cookies;
    this.#res.writeHead(this.#prelude.statusCode ?? 200, headers);
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.#head();
    if (this.#res.write(chunk)) callback();
    else this.#res.once('drain', () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#head();
    this.#res.end(() => callback());
  }
}
