import { randomUUID } from 'node:crypto';
import {
  createServer,
  type Http2ServerRequest as IncomingMessage,
  type Http2ServerResponse as ServerResponse,
} from 'node:http2';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, type RunningServer } from '../running-server.js';
import {
  type AnswerScript,
  answerScript,
  type BedrockEmulatorTiming,
  DEFAULT_BEDROCK_EMULATOR_TIMING,
} from './answer-script.js';
import {
  type BedrockScenarioName,
  isBedrockScenarioName,
  SCENARIO_HEADER,
  scenarioFromPrompt,
  stripScenarioPrefix,
} from './bedrock-scenarios.js';
import { converseStreamFrames } from './converse-stream-frames.js';
import { exceptionFrame } from './event-stream-message.js';
import { invokeStreamFrames } from './invoke-stream-frames.js';
import type { StreamFrames } from './stream-frames.js';

/** How a request to the emulator ended. */
export type BedrockRequestOutcome = 'completed' | 'refused' | 'exception' | 'aborted';

/** One request the emulator received, for tests to inspect. */
export interface BedrockEmulatorRequest {
  api: 'converse' | 'invoke';
  modelId: string;
  scenario: BedrockScenarioName;
  /** The parsed JSON body (Converse request, or the Anthropic messages body). */
  body: unknown;
  headers: IncomingMessage['headers'];
  /** Deltas written so far. */
  deltasSent: number;
  /** Settles when the response ended: `aborted` when the caller closed the connection first. */
  ended: Promise<BedrockRequestOutcome>;
}

export interface BedrockEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  timing?: Partial<BedrockEmulatorTiming>;
}

export interface BedrockEmulator extends RunningServer {
  /** Every request received, oldest first. */
  readonly requests: BedrockEmulatorRequest[];
  /** The timing in use; change it between requests if a test needs to. */
  timing: BedrockEmulatorTiming;
}

const ROUTE = /^\/model\/([^/]+)\/(converse-stream|invoke-with-response-stream)$/;

type Json = Record<string, unknown>;

function lastUserText(body: Json): string {
  const messages = Array.isArray(body.messages) ? (body.messages as Json[]) : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role !== 'user') continue;
    const content = message.content;
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content.map((block) => (typeof block?.text === 'string' ? block.text : '')).join('');
    }
  }
  return '';
}

function countWords(body: Json): number {
  return JSON.stringify(body.messages ?? []).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function awsError(res: ServerResponse, status: number, errorType: string, message: string): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    'x-amzn-requestid': randomUUID(),
  });
  res.end(JSON.stringify({ message }));
}

async function readJson(req: IncomingMessage): Promise<Json | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** Index inside `frame` that falls between two bytes of one multi-byte UTF-8 character. */
function utf8CutPoint(frame: Uint8Array): number {
  for (let i = 1; i < frame.length; i++) {
    // A continuation byte (10xxxxxx) right after a lead or continuation byte.
    if ((frame[i]! & 0xc0) === 0x80 && frame[i - 1]! >= 0x80) return i;
  }
  return Math.floor(frame.length / 2);
}

/**
 * A local Bedrock runtime endpoint speaking the real wire format: the AWS event-stream binary
 * framing (`:message-type`, `:event-type`, `:content-type` headers) for ConverseStream and
 * InvokeModelWithResponseStream, modelled exceptions as `:message-type: exception` frames, and
 * refusals as HTTP errors with `x-amzn-errortype`. Point the real SDK client at its `url`.
 *
 * It speaks HTTP/2 without TLS (prior knowledge, h2c), because the Bedrock runtime client
 * always uses its HTTP/2 handler, as it does against the real endpoint.
 */
export async function startBedrockEmulator(
  options: BedrockEmulatorOptions = {},
): Promise<BedrockEmulator> {
  const requests: BedrockEmulatorRequest[] = [];
  // Requests read `timing` from the returned object, so assigning a new one takes effect.
  const settings = { requests, timing: { ...DEFAULT_BEDROCK_EMULATOR_TIMING, ...options.timing } };
  let emulator: { timing: BedrockEmulatorTiming } = settings;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = ROUTE.exec(req.url ?? '');
    if (req.method !== 'POST' || !route) {
      awsError(
        res,
        404,
        'UnknownOperationException',
        `No Bedrock runtime operation at ${req.method} ${req.url}.`,
      );
      return;
    }
    // The SDK always signs; an unsigned call means something other than the SDK is calling.
    if (
      !/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[^/]+\/bedrock\/aws4_request/.test(
        req.headers.authorization ?? '',
      )
    ) {
      awsError(
        res,
        403,
        'UnrecognizedClientException',
        'Missing or malformed SigV4 signature for service bedrock.',
      );
      return;
    }
    const modelId = decodeURIComponent(route[1]!);
    const api = route[2] === 'converse-stream' ? 'converse' : 'invoke';
    const body = await readJson(req);
    if (!body) {
      awsError(res, 400, 'ValidationException', 'The request body is not JSON.');
      return;
    }
    const prompt = lastUserText(body);
    const asked =
      (req.headers[SCENARIO_HEADER] as string | undefined) ??
      scenarioFromPrompt(prompt) ??
      'normal';
    if (!isBedrockScenarioName(asked)) {
      awsError(res, 400, 'ValidationException', `Unknown emulator scenario "${asked}".`);
      return;
    }
    let settle!: (outcome: BedrockRequestOutcome) => void;
    const record: BedrockEmulatorRequest = {
      api,
      modelId,
      scenario: asked,
      body,
      headers: req.headers,
      deltasSent: 0,
      ended: new Promise((resolve) => {
        settle = resolve;
      }),
    };
    requests.push(record);
    const connection = { closed: false };
    res.on('close', () => {
      connection.closed = true;
      // HTTP/2 reports `writableFinished` on a reset stream too; `writableEnded` says whether
      // the emulator itself finished the answer.
      if (!res.writableEnded) settle('aborted');
    });
    const script = answerScript(asked, stripScenarioPrefix(prompt), emulator.timing);
    if (script.kind === 'refuse') {
      awsError(res, script.status, script.errorType, script.message);
      settle('refused');
      return;
    }
    const frames = api === 'converse' ? converseStreamFrames : invokeStreamFrames(modelId);
    const outcome = await streamAnswer(res, script, frames, countWords(body), record, connection);
    settle(outcome);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) awsError(res, 500, 'InternalServerException', String(error));
      else res.destroy();
    });
  });
  const running = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const started: BedrockEmulator = Object.assign(running, settings);
  emulator = started;
  return started;
}

async function streamAnswer(
  res: ServerResponse,
  script: Extract<AnswerScript, { kind: 'stream' }>,
  frames: StreamFrames,
  inputTokens: number,
  record: BedrockEmulatorRequest,
  connection: { closed: boolean },
): Promise<BedrockRequestOutcome> {
  const startedAt = Date.now();
  const gone = () => connection.closed || res.writableEnded;
  const write = async (frame: Uint8Array): Promise<void> => {
    if (gone()) return;
    if (res.write(frame)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  res.writeHead(200, {
    'content-type': frames.contentType,
    'x-amzn-requestid': randomUUID(),
    'x-amzn-bedrock-content-type': 'application/json',
  });
  for (const frame of frames.opening(inputTokens)) await write(frame);
  await sleep(script.firstTokenDelayMs);
  for (const [i, text] of script.deltas.entries()) {
    if (gone()) return 'aborted';
    if (i > 0 && script.tokenIntervalMs > 0) await sleep(script.tokenIntervalMs);
    const frame = frames.delta(text);
    if (script.splitFrames) {
      const cut = utf8CutPoint(frame);
      await write(frame.subarray(0, cut));
      // A pause so the halves reach the client as separate reads.
      await sleep(5);
      await write(frame.subarray(cut));
    } else {
      await write(frame);
    }
    record.deltasSent += 1;
    // Let the close of a departed client be seen even when nothing is awaited (long answers).
    if (script.tokenIntervalMs === 0 && i % 256 === 255) await new Promise((r) => setImmediate(r));
  }
  if (gone()) return 'aborted';
  if (script.end.kind === 'exception') {
    await write(exceptionFrame(script.end.exceptionType, { message: script.end.message }));
    res.end();
    return 'exception';
  }
  const usage = { inputTokens, outputTokens: script.deltas.length };
  for (const frame of frames.closing(script.end.stopReason, usage, Date.now() - startedAt))
    await write(frame);
  res.end();
  return 'completed';
}
