/**
 * `@chatbot/sdk`: the framework-neutral client. The wire protocol is re-exported here for
 * convenience and lives in `@chatbot/sdk/protocol`.
 */
export * from './client/index.js';
export * from './protocol/index.js';
