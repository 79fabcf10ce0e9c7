import { overflow } from './protocol-error.js';

/** One dispatched server-sent event, as the WHATWG "event stream interpretation" defines it. */
export interface SseMessage {
  /** The event type; `message` when the event had no `event:` field. */
  event: string;
  /** The data lines joined with `\n`. */
  data: string;
  /** The last event ID at dispatch (it persists across events). */
  id: string;
}

export interface SseEventParserCallbacks {
  onEvent: (message: SseMessage) => void;
  /** A `retry:` field made only of ASCII digits. */
  onRetry?: (milliseconds: number) => void;
  /** A comment line (starts with `:`), without the colon; heartbeats arrive here. */
  onComment?: (text: string) => void;
}

/**
 * Stage 3 of the SSE decoder: lines -> events. Quotes are from WHATWG HTML,
 * "9.2.6 Interpreting an event stream".
 */
export class SseEventParser {
  // The data buffer: each data line followed by LF, as the spec builds it.
  #data = '';
  #eventType = '';
  #lastEventIdBuffer = '';
  #lastEventId = '';
  readonly #callbacks: SseEventParserCallbacks;
  readonly #maxDataLength: number;

  constructor(callbacks: SseEventParserCallbacks, maxDataLength: number) {
    this.#callbacks = callbacks;
    this.#maxDataLength = maxDataLength;
  }

  /** The "last event ID string": updated at every dispatch, even of an event with no data. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  line(line: string): void {
    // "Collect the characters on the line before the first U+003A COLON character (:), and let
    //  field be that string. Collect the characters on the line after the first U+003A COLON
    //  character (:), and let value be that string. If value starts with a U+0020 SPACE
    //  character, remove it from value." Without a colon: "using the whole line as the field
    //  name, and the empty string as the field value."
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value =
      colon < 0 ? '' : line.slice(line.charCodeAt(colon + 1) === 0x20 ? colon + 2 : colon + 1);
    // "If the line is empty (a blank line): Dispatch the event"
    if (line === '') this.#dispatch();
    // "If the line starts with a U+003A COLON character (:): Ignore the line." (heartbeats)
    else if (colon === 0) this.#callbacks.onComment?.(value);
    // "If the field name is "event": Set the event type buffer to field value."
    else if (field === 'event') this.#eventType = value;
    // "If the field name is "data": Append the field value to the data buffer, then append a
    //  single U+000A LINE FEED (LF) character to the data buffer."
    else if (field === 'data') {
      this.#data += `${value}\n`;
      if (this.#data.length > this.#maxDataLength) {
        const size = this.#data.length;
        this.end();
        throw overflow("An SSE event's data", this.#maxDataLength, size);
      }
    }
    // "If the field name is "id": If the field value does not contain U+0000 NULL, then set the
    //  last event ID buffer to the field value. Otherwise, ignore the field."
    else if (field === 'id') {
      if (!value.includes('\0')) this.#lastEventIdBuffer = value;
    }
    // "If the field name is "retry": If the field value consists of only ASCII digits, then
    //  interpret the field value as an integer in base ten, and set the event stream's
    //  reconnection time to that integer. Otherwise, ignore the field."
    else if (field === 'retry' && /^[0-9]+$/.test(value)) this.#callbacks.onRetry?.(Number(value));
    // "Otherwise: The field is ignored."
  }

  #dispatch(): void {
    // "1. Set the last event ID string of the event source to the value of the last event ID
    //     buffer. The buffer does not get reset, so the last event ID string of the event source
    //     remains set to this value until the next time it is set by the server."
    this.#lastEventId = this.#lastEventIdBuffer;
    const data = this.#data;
    // "5. Initialize event's type attribute to "message" ... If the event type buffer has a value
    //     other than the empty string, change the type of the newly created event to equal the
    //     value of the event type buffer."
    const event = this.#eventType || 'message';
    // "2. If the data buffer is an empty string, set the data buffer and the event type buffer
    //     to the empty string and return."
    this.end();
    // "3. If the data buffer's last character is a U+000A LINE FEED (LF) character, then remove
    //     the last character from the data buffer."
    if (data) this.#callbacks.onEvent({ event, data: data.slice(0, -1), id: this.#lastEventId });
  }

  /**
   * "Set the data buffer and the event type buffer to the empty string." Also the end of
   * input: "If the file ends in the middle of an event, before the final empty line, the
   * incomplete event is not dispatched."
   */
  end(): void {
    this.#data = '';
    this.#eventType = '';
  }
}
