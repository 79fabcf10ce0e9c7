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
}

export type RequestLogger = (entry: RequestLogEntry) => void;

/** Writes each entry as one JSON line to stdout (CloudWatch keeps one line per event). */
export const jsonLineLogger: RequestLogger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};
