import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  resolveRetryPolicy,
  retryDelayMs,
} from '../../src/client/retry-policy.js';

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

  it('is full jitter: uniform between 0 and the exponential ceiling', () => {
    expect(retryDelayMs(policy, 1, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(policy, 1, undefined, () => 0.999)).toBe(99);
    expect(retryDelayMs(policy, 2, undefined, () => 0.999)).toBe(199);
    expect(retryDelayMs(policy, 3, undefined, () => 0.5)).toBe(200);
  });

  it('never exceeds maxDelayMs', () => {
    expect(retryDelayMs(policy, 20, undefined, () => 0.999)).toBe(999);
  });

  it('takes Retry-After over backoff, capped at maxDelayMs', () => {
    expect(retryDelayMs(policy, 1, 700, () => 0)).toBe(700);
    expect(retryDelayMs(policy, 1, 60_000, () => 0)).toBe(1000);
    expect(retryDelayMs(policy, 1, 0, () => 0.9)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or malformed value', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});

describe('resolveRetryPolicy', () => {
  it('defaults to 3 attempts; false means one', () => {
    expect(resolveRetryPolicy(undefined)).toEqual(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy(undefined).maxAttempts).toBe(3);
    expect(resolveRetryPolicy(false).maxAttempts).toBe(1);
    expect(resolveRetryPolicy({ baseDelayMs: 1 })).toEqual({
      ...DEFAULT_RETRY_POLICY,
      baseDelayMs: 1,
    });
  });
});
