import {
  type BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamCommandOutput,
  type ConverseStreamOutput,
  type InferenceConfiguration,
} from '@aws-sdk/client-bedrock-runtime';
import type { ModelChunk, ModelPort } from '../core/ports.js';
import { alternatingTurns } from './alternating-turns.js';
import { type BedrockClientOptions, createBedrockClient } from './bedrock-client.js';
import { bedrockError, exceptionMemberName } from './bedrock-error.js';

/** Options of {@link bedrockConverse}. */
export interface BedrockConverseOptions extends BedrockClientOptions {
  /** Model id or inference profile id. */
  modelId: string;
  /** System prompt. */
  system?: string;
  inferenceConfig?: InferenceConfiguration;
  /** A client of your own (region, credentials, retries); `region`/`endpoint` are then ignored. */
  client?: BedrockRuntimeClient;
}

async function* converseChunks(
  stream: AsyncIterable<ConverseStreamOutput>,
): AsyncGenerator<ModelChunk> {
  let stopReason: string | undefined;
  let usage = { inputTokens: 0, outputTokens: 0 };
  try {
    for await (const event of stream) {
      if (event.contentBlockDelta?.delta?.text !== undefined) {
        yield { type: 'text', text: event.contentBlockDelta.delta.text };
      } else if (event.messageStop) {
        stopReason = event.messageStop.stopReason ?? 'end_turn';
      } else if (event.metadata?.usage) {
        usage = {
          inputTokens: event.metadata.usage.inputTokens ?? 0,
          outputTokens: event.metadata.usage.outputTokens ?? 0,
        };
      } else {
        const exception = exceptionMemberName(event as unknown as Record<string, unknown>);
        if (exception !== undefined) {
          throw Object.assign(new Error(exception), { name: exception });
        }
      }
    }
  } catch (error) {
    throw bedrockError(error);
  }
  // `metadata` (usage) follows `messageStop`; report the stop once both have been read.
  if (stopReason !== undefined) yield { type: 'stop', stopReason, usage };
}

/** A model port over Bedrock `ConverseStream` (any model that supports Converse). */
export function bedrockConverse(options: BedrockConverseOptions): ModelPort {
  const client = options.client ?? createBedrockClient(options);
  return {
    modelId: options.modelId,
    async open(input, signal) {
      const command = new ConverseStreamCommand({
        modelId: options.modelId,
        messages: alternatingTurns(input.messages).map((turn) => ({
          role: turn.role,
          content: [{ text: turn.content }],
        })),
        ...(options.system === undefined ? {} : { system: [{ text: options.system }] }),
        ...(options.inferenceConfig === undefined
          ? {}
          : { inferenceConfig: options.inferenceConfig }),
      });
      let output: ConverseStreamCommandOutput;
      try {
        output = await client.send(command, { abortSignal: signal });
      } catch (error) {
        throw bedrockError(error);
      }
      if (!output.stream)
        throw bedrockError(new Error('ConverseStream answered without a stream.'));
      return converseChunks(output.stream);
    },
  };
}
