/**
 * The ready Lambda entry (`index.handler`, runtime nodejs22.x or later, invoke mode
 * RESPONSE_STREAM). Configured from the environment at init: a missing variable fails the
 * cold start with a message naming it.
 */
import { createChatHandler } from './create-chat-handler.js';
import { handlerOptionsFromEnvironment } from './handler-options-from-environment.js';

export const handler = awslambda.streamifyResponse(
  createChatHandler(handlerOptionsFromEnvironment(process.env)),
);
