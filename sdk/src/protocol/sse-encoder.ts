import { type ChatEvent, HEARTBEAT_COMMENT } from './wire-types.js';

/** The JSON `data` of an event: everything but its `type`, which travels as the SSE event name. */
export function eventData(event: ChatEvent): Record<string, unknown> {
  const { type: _type, ...data } = event;
  return data;
}

/**
 * Encodes one protocol event as SSE text, ending with the blank line that dispatches it.
 * JSON.stringify never emits a raw CR or LF, so the data always fits on one `data:` line.
 */
export function encodeEvent(event: ChatEvent, id: number): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(eventData(event))}\n\n`;
}

/** Encodes an SSE comment (ignored by parsers; used as a heartbeat). */
export function encodeComment(text: string = HEARTBEAT_COMMENT): string {
  if (/[\r\n]/.test(text)) throw new TypeError('An SSE comment cannot contain CR or LF.');
  return `: ${text}\n\n`;
}
