import { ProtocolError } from './protocol-error.js';

const LF = 0x0a;
const CR = 0x0d;

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
    let start = 0;
    if (this.#afterCR) {
      this.#afterCR = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      const line =
        this.#pending === '' ? text.slice(start, i) : this.#pending + text.slice(start, i);
      this.#pending = '';
      if (c === CR) {
        if (i + 1 === text.length) this.#afterCR = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
      this.#onLine(line);
    }
    if (start < text.length) {
      this.#pending += start === 0 ? text : text.slice(start);
      if (this.#pending.length > this.#maxLineLength) {
        const size = this.#pending.length;
        this.#pending = '';
        throw new ProtocolError(
          'buffer_overflow',
          `An SSE line grew past ${this.#maxLineLength} characters (${size} so far) without ending. ` +
            'Raise maxBufferSize if events this large are expected.',
        );
      }
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
