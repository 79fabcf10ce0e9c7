import { type ChatEvent, encodeEvent } from '@chatbot/sdk/protocol';

/** Stream stage: protocol events -> SSE text, numbering events from 1 in `id:`. */
export async function* sseTextStage(events: AsyncIterable<ChatEvent>): AsyncGenerator<string> {
  let id = 0;
  for await (const event of events) {
    id += 1;
    yield encodeEvent(event, id);
  }
}
