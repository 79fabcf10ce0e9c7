import type { EnvironmentVariableName } from './environment-variables.js';

/** The Lambda entry's environment is incomplete or wrong. Thrown at start-up (init). */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly code = 'invalid_configuration';
  /** The variable at fault. */
  readonly variable: EnvironmentVariableName;

  constructor(variable: EnvironmentVariableName, message: string) {
    super(message);
    this.variable = variable;
  }
}
