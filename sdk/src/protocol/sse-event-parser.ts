import { ProtocolError } from './protocol-error.js';

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

const DIGITS_ONLY = /^[0-9]+$/;

/**
 * Stage 3 of the SSE decoder: lines -> events. Quotes are from WHATWG HTML,
 * "9.2.6 Interpreting an event stream".
 */
export class SseEventParser {
  #dataLines: string[] = [];
  #dataLength = 0;
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
    // "If the line is empty (a blank line): Dispatch the event"
    if (line === '') {
      this.#dispatch();
      return;
    }
    // "If the line starts with a U+003A COLON character (:): Ignore the line."
    if (line.charCodeAt(0) === 0x3a) {
      this.#callbacks.onComment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    let field: string;
    let value: string;
    if (colon === -1) {
      // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:):
      //  Process the field using the whole line as the field name, and the empty string as the
      //  field value."
      field = line;
      value = '';
    } else {
      // "Collect the characters on the line before the first U+003A COLON character (:), and
      //  let field be that string. Collect the characters on the line after the first U+003A
      //  COLON character (:), and let value be that string. If value starts with a U+0020 SPACE
      //  character, remove it from value."
      field = line.slice(0, colon);
      value = line.charCodeAt(colon + 1) === 0x20 ? line.slice(colon + 2) : line.slice(colon + 1);
    }
    this.#field(field, value);
  }

  #field(field: string, value: string): void {
    switch (field) {
      case 'event':
        // "Set the event type buffer to field value."
        this.#eventType = value;
        return;
      case 'data':
        // "Append the field value to the data buffer, then append a single U+000A LINE FEED (LF)
        //  character to the data buffer." (kept as lines; joined with LF at dispatch)
        this.#dataLength += value.length + 1;
        if (this.#dataLength > this.#maxDataLength) {
          const size = this.#dataLength;
          this.#resetEvent();
          throw new ProtocolError(
            'buffer_overflow',
            `An SSE event's data grew past ${this.#maxDataLength} characters (${size}). ` +
              'Raise maxBufferSize if events this large are expected.',
          );
        }
        this.#dataLines.push(value);
        return;
      case 'id':
        // "If the field value does not contain U+0000 NULL, then set the last event ID buffer
        //  to the field value. Otherwise, ignore the field."
        if (!value.includes('\0')) this.#lastEventIdBuffer = value;
        return;
      case 'retry':
        // "If the field value consists of only ASCII digits, then interpret the field value as
        //  an integer in base ten, and set the event stream's reconnection time to that integer.
        //  Otherwise, ignore the field."
        if (DIGITS_ONLY.test(value)) this.#callbacks.onRetry?.(Number.parseInt(value, 10));
        return;
      default:
        // "Otherwise: The field is ignored."
        return;
    }
  }

  #dispatch(): void {
    // "1. Set the last event ID string of the event source to the value of the last event ID
    //     buffer. The buffer does not get reset, so the last event ID string of the event source
    //     remains set to this value until the next time it is set by the server."
    this.#lastEventId = this.#lastEventIdBuffer;
    // "2. If the data buffer is an empty string, set the data buffer and the event type buffer
    //     to the empty string and return."
    if (this.#dataLines.length === 0) {
      this.#resetEvent();
      return;
    }
    // "3. If the data buffer's last character is a U+000A LINE FEED (LF) character, then remove
    //     the last character from the data buffer." (joining lines never adds the trailing LF)
    const data = this.#dataLines.length === 1 ? this.#dataLines[0]! : this.#dataLines.join('\n');
    // "5. Initialize event's type attribute to "message" ... If the event type buffer has a value
    //     other than the empty string, change the type of the newly created event to equal the
    //     value of the event type buffer."
    const event = this.#eventType === '' ? 'message' : this.#eventType;
    this.#resetEvent();
    this.#callbacks.onEvent({ event, data, id: this.#lastEventId });
  }

  /** "Set the data buffer and the event type buffer to the empty string." */
  #resetEvent(): void {
    this.#dataLines = [];
    this.#dataLength = 0;
    this.#eventType = '';
  }

  /**
   * End of input: "If the file ends in the middle of an event, before the final empty line,
   * the incomplete event is not dispatched."
   */
  end(): void {
    this.#resetEvent();
  }
}
