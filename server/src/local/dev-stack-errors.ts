/** Why a part of the local stack could not start or stop. */
export type LocalStackErrorCode =
  /** Another process already listens on a port the stack needs. */
  | 'port_in_use'
  /** A child process or server did not become ready within its time limit. */
  | 'start_timeout'
  /** A child process exited while the stack still needed it. */
  | 'process_exited'
  /** cognito-local answered a set-up call with an error. */
  | 'cognito_api_error'
  /** A configuration value (port, environment variable) is not usable. */
  | 'invalid_config';

/** Raised by the local stack. Switch on `code`; the message says what to do next. */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';
  readonly code: LocalStackErrorCode;

  constructor(code: LocalStackErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
