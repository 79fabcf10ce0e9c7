import { overflow } from './protocol-error.js';

const LF = 0x0a;
const CR = 0x0d;
const END_OF_LINE = /\r\n|\r|\n/;

/**
 * Stage 2 of the SSE decoder: decoded text -> lines.
 *
 * WHATWG HTML, "9.2.5 Parsing an event stream":
 *   end-of-line = ( cr lf / cr / lf )
 * A CR may end one chunk and its LF start the next; the pair is still one line end.
 *
 * The unfinished tail of a chunk is kept as a string and extended with `+=`, which V8 and
 * JavaScriptCore do in amortised constant time (rope strings), so a line that spans N chunks
 * costs O(N), not O(N^2) as re-concatenating a byte buffer per chunk would.
 */
export class SseLineSplitter {
  #pending = '';
  #afterCR = false;
  readonly #onLine: (line: string) => void;
  readonly #maxLineLength: number;

  constructor(onLine: (line: string) => void, maxLineLength: number) {
    this.#onLine = onLine;
    this.#maxLineLength = maxLineLength;
  }

  /** Length of the unfinished line held between chunks. */
  get pendingLength(): number {
    return this.#pending.length;
  }

  push(text: string): void {
    // An empty chunk carries nothing, and must not forget a CR that ended the last one.
    if (text === '') return;
    // A CR that ended the last chunk and an LF that starts this one are one line end.
    const from = this.#afterCR && text.charCodeAt(0) === LF ? 1 : 0;
    this.#afterCR = text.charCodeAt(text.length - 1) === CR;
    const parts = text.slice(from).split(END_OF_LINE);
    // The last part is unfinished (empty when the text ends with a line end).
    const rest = parts.pop()!;
    for (const part of parts) {
      const line = this.#pending + part;
      this.#pending = '';
      this.#onLine(line);
    }
    this.#pending += rest;
    if (this.#pending.length > this.#maxLineLength) {
      const size = this.#pending.length;
      this.#pending = '';
      throw overflow('An SSE line', this.#maxLineLength, size);
    }
  }

  /**
   * End of input. WHATWG: "Once the end of the file is reached, any pending data must be
   * discarded." An unterminated last line is therefore dropped, not delivered.
   */
  end(): void {
    this.#pending = '';
    this.#afterCR = false;
  }
}
