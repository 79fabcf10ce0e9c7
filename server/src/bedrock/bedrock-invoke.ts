import {
  type BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  type ResponseStream,
} from '@aws-sdk/client-bedrock-runtime';
import type { ModelChunk, ModelPort } from '../core/ports.js';
import { ServerError } from '../core/server-error.js';
import { alternatingTurns } from './alternating-turns.js';
import { type BedrockClientOptions, createBedrockClient } from './bedrock-client.js';
import { bedrockError, exceptionMemberName } from './bedrock-error.js';

/** Options of {@link bedrockInvoke}. */
export interface BedrockInvokeOptions extends BedrockClientOptions {
  /** An Anthropic Claude model id or inference profile id. */
  modelId: string;
  system?: string;
  /** `max_tokens` of the Anthropic messages body. Default 1024. */
  maxTokens?: number;
  temperature?: number;
  /** Default `bedrock-2023-05-31`. */
  anthropicVersion?: string;
  client?: BedrockRuntimeClient;
}

/** The Anthropic messages streaming events the port reads (others are ignored). */
interface AnthropicStreamEvent {
  type: string;
  message?: { usage?: { input_tokens?: number } };
  delta?: { type?: string; text?: string; stop_reason?: string | null };
  usage?: { output_tokens?: number };
  error?: { type?: string; message?: string };
  'amazon-bedrock-invocationMetrics'?: { inputTokenCount?: number; outputTokenCount?: number };
}

const utf8 = new TextDecoder();

async function* anthropicChunks(body: AsyncIterable<ResponseStream>): AsyncGenerator<ModelChunk> {
  let stopReason: string | undefined;
  const usage = { inputTokens: 0, outputTokens: 0 };
  let stopped = false;
  try {
    for await (const part of body) {
      if (!part.chunk?.bytes) {
        const exception = exceptionMemberName(part as unknown as Record<string, unknown>);
        if (exception !== undefined) throw Object.assign(new Error(exception), { name: exception });
        continue;
      }
      // Each chunk holds one complete JSON event of the Anthropic messages stream.
      const event = JSON.parse(utf8.decode(part.chunk.bytes)) as AnthropicStreamEvent;
      switch (event.type) {
        case 'message_start':
          usage.inputTokens = event.message?.usage?.input_tokens ?? usage.inputTokens;
          break;
        case 'content_block_delta':
          if (event.delta?.type === 'text_delta' && event.delta.text !== undefined) {
            yield { type: 'text', text: event.delta.text };
          }
          break;
        case 'message_delta':
          stopReason = event.delta?.stop_reason ?? stopReason;
          usage.outputTokens = event.usage?.output_tokens ?? usage.outputTokens;
          break;
        case 'message_stop': {
          const metrics = event['amazon-bedrock-invocationMetrics'];
          usage.inputTokens = metrics?.inputTokenCount ?? usage.inputTokens;
          usage.outputTokens = metrics?.outputTokenCount ?? usage.outputTokens;
          stopped = true;
          break;
        }
        case 'error':
          throw new ServerError(
            'upstream_error',
            `The model failed while answering (${event.error?.type ?? 'error'}); try again.`,
          );
        default:
          break;
      }
    }
  } catch (error) {
    throw bedrockError(error);
  }
  if (stopped) yield { type: 'stop', stopReason: stopReason ?? 'end_turn', usage };
}

/**
 * A model port over Bedrock `InvokeModelWithResponseStream` with an Anthropic messages body
 * (Claude models).
 */
export function bedrockInvoke(options: BedrockInvokeOptions): ModelPort {
  const client = options.client ?? createBedrockClient(options);
  return {
    modelId: options.modelId,
    async open(input, signal) {
      const body = {
        anthropic_version: options.anthropicVersion ?? 'bedrock-2023-05-31',
        max_tokens: options.maxTokens ?? 1024,
        messages: alternatingTurns(input.messages).map((turn) => ({
          role: turn.role,
          content: [{ type: 'text', text: turn.content }],
        })),
        ...(options.system === undefined ? {} : { system: options.system }),
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      };
      const command = new InvokeModelWithResponseStreamCommand({
        modelId: options.modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: new TextEncoder().encode(JSON.stringify(body)),
      });
      let output: { body?: AsyncIterable<ResponseStream> };
      try {
        output = await client.send(command, { abortSignal: signal });
      } catch (error) {
        throw bedrockError(error);
      }
      if (!output.body)
        throw bedrockError(new Error('InvokeModelWithResponseStream answered without a body.'));
      return anthropicChunks(output.body);
    },
  };
}
