import { expect, test } from 'vitest';
import { describeCause } from '../src/core/request-log.js';
import { ServerError } from '../src/core/server-error.js';

function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

test('validation_errors_could_put_prompt_text_in_the_log: their message is never logged', () => {
  const prompt = 'my secret prompt';
  for (const name of ['ValidationException', 'ModelErrorException', 'ModelStreamErrorException']) {
    const cause = describeCause(
      new ServerError('upstream_error', 'The model failed.', {
        cause: awsError(name, `messages.0.content "${prompt}" is invalid`),
      }),
    );
    expect(cause).toBe(`${name} (message not logged)`);
    expect(cause).not.toContain(prompt);
  }
});

test('other causes keep name and message, shortened to 300 characters', () => {
  const cause = describeCause(
    new ServerError('upstream_error', 'The model failed.', {
      cause: awsError('AccessDeniedException', `not allowed: ${'x'.repeat(400)}`),
    }),
  );
  expect(cause).toMatch(/^AccessDeniedException: not allowed: x+…$/);
  expect(cause!.length).toBe(300);
});

test('a cause that is not an Error is not logged (jose keeps token claims in such causes)', () => {
  expect(describeCause(new ServerError('upstream_error', 'x', { cause: { token: 'eyJ' } }))).toBe(
    undefined,
  );
});
