import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

type Message = Parameters<EventStreamCodec['encode']>[0];

function text(value: string) {
  return { type: 'string' as const, value };
}

/** An `:message-type: event` frame whose payload is JSON, as Bedrock's streaming APIs send. */
export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  const message: Message = {
    headers: {
      ':event-type': text(eventType),
      ':content-type': text('application/json'),
      ':message-type': text('event'),
    },
    body: fromUtf8(JSON.stringify(payload)),
  };
  return codec.encode(message);
}

/**
 * An `:message-type: exception` frame: a modelled error inside a 200 stream. `exceptionType`
 * is the union member name (`throttlingException`, `modelStreamErrorException`, ...).
 */
export function exceptionFrame(
  exceptionType: string,
  payload: { message: string } & Record<string, unknown>,
): Uint8Array {
  const message: Message = {
    headers: {
      ':exception-type': text(exceptionType),
      ':content-type': text('application/json'),
      ':message-type': text('exception'),
    },
    body: fromUtf8(JSON.stringify(payload)),
  };
  return codec.encode(message);
}
