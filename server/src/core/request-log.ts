/**
 * The one structured line written per request. It never holds the token or any message text.
 */
export interface RequestLogEntry {
  msg: 'chat_request';
  level: 'info' | 'warn' | 'error';
  /** The protocol request id (`x-chatbot-request-id`, or one made up). */
  requestId: string;
  /** Lambda's `awsRequestId`, when there is one. */
  platformRequestId?: string;
  /** The user's `sub`, once the token was verified. */
  sub?: string;
  model: string;
  /** HTTP status answered. */
  status: number;
  /** How the request ended: `done`, `aborted` (client left), or the error code. */
  outcome: string;
  /** Milliseconds from the request to the first text delta. */
  timeToFirstTokenMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  durationMs: number;
  /**
   * For failures: the underlying error's name and message (an AWS SDK or jose error), so the
   * operator can tell an IAM problem from a bad model id. These never carry the token or prompt.
   */
  cause?: string;
}

/**
 * Errors whose message can quote the request (Bedrock's input validation and the model's own
 * error text): their name is logged, their message never, so no prompt text reaches the logs.
 */
const MESSAGE_MAY_QUOTE_INPUT = new Set([
  'ValidationException',
  'ModelErrorException',
  'ModelStreamErrorException',
]);

/** The `cause` field for a failure: the innermost error's name and message, shortened. */
export function describeCause(error: unknown): string | undefined {
  let inner: unknown = error;
  // Only errors are followed: jose, for one, keeps the token's claims in `cause`.
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  if (inner === error && !(error instanceof Error && error.name !== 'ServerError'))
    return undefined;
  // Past the checks above, `inner` is an Error: only Error causes are followed.
  const { name, message } = inner as Error;
  if (MESSAGE_MAY_QUOTE_INPUT.has(name)) return `${name} (message not logged)`;
  const text = `${name}: ${message}`;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

/** Writes each entry as one JSON line to stdout (CloudWatch keeps one line per event). */
export const jsonLineLogger: RequestLogger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};
