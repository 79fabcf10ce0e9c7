import { http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatbotClient } from '../../src/index.js';
import { HEADERS } from '../../src/protocol/index.js';
import { type MockNetwork, startMockNetwork } from './mock-network.js';
import { ENDPOINT, HAPPY_ANSWER, USER_REQUEST } from './sse-fixtures.js';
import { errorResponse, sseResponse } from './sse-response.js';

// Mocked at the module boundary: the client's own code (the lazy import included) runs as is.
const amplify = vi.hoisted(() => ({ fetchAuthSession: vi.fn() }));
vi.mock('aws-amplify/auth', () => amplify);

/** The shape of `fetchAuthSession()`'s result that the client reads. */
const session = (idToken: string | undefined) => ({
  tokens: idToken === undefined ? undefined : { idToken: { toString: () => idToken } },
});

let network: MockNetwork;
beforeAll(async () => {
  network = await startMockNetwork();
});
afterEach(() => {
  network.reset();
  amplify.fetchAuthSession.mockReset();
});
afterAll(() => network.close());

function recordTokens(answer: (token: string | null) => Response): (string | null)[] {
  const tokens: (string | null)[] = [];
  network.use(
    http.post(ENDPOINT, ({ request }) => {
      const token = request.headers.get(HEADERS.token);
      tokens.push(token);
      return answer(token);
    }),
  );
  return tokens;
}

describe('the default token provider (Amplify)', () => {
  it("sends the signed-in user's ID token", async () => {
    amplify.fetchAuthSession.mockResolvedValue(session('amplify-id-token'));
    const tokens = recordTokens(() => sseResponse(HAPPY_ANSWER));
    await new ChatbotClient({ endpoint: ENDPOINT }).send(USER_REQUEST);
    expect(tokens).toEqual(['amplify-id-token']);
    expect(amplify.fetchAuthSession).toHaveBeenCalledWith({ forceRefresh: false });
  });

  it('on 401 forces a refresh and replays with the new token', async () => {
    amplify.fetchAuthSession.mockImplementation(async (options?: { forceRefresh?: boolean }) =>
      session(options?.forceRefresh ? 'refreshed' : 'expired'),
    );
    const tokens = recordTokens((token) =>
      token === 'refreshed' ? sseResponse(HAPPY_ANSWER) : errorResponse(401, 'unauthorized'),
    );
    const result = await new ChatbotClient({ endpoint: ENDPOINT }).send(USER_REQUEST);
    expect(result.text).toBe('Hello, world');
    expect(tokens).toEqual(['expired', 'refreshed']);
    expect(amplify.fetchAuthSession.mock.calls).toEqual([
      [{ forceRefresh: false }],
      [{ forceRefresh: true }],
    ]);
  });

  it("with nobody signed in sends no token and reports the server's 401 without a replay (regression: its message was dropped)", async () => {
    amplify.fetchAuthSession.mockResolvedValue(session(undefined));
    const tokens = recordTokens(() => errorResponse(401, 'unauthorized'));
    const error = await new ChatbotClient({ endpoint: ENDPOINT })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      message: 'Refused with unauthorized.',
    });
    expect(tokens).toEqual([null]);
  });

  it('a failing fetchAuthSession is unauthorized and sends nothing', async () => {
    amplify.fetchAuthSession.mockRejectedValue(new Error('Amplify has not been configured'));
    const tokens = recordTokens(() => sseResponse(HAPPY_ANSWER));
    const error = await new ChatbotClient({ endpoint: ENDPOINT })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect((error as Error).message).toContain('Amplify has not been configured');
    expect(tokens).toEqual([]);
  });

  it('a given getToken is used instead, and Amplify is never asked', async () => {
    const tokens = recordTokens(() => sseResponse(HAPPY_ANSWER));
    await new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'mine' }).send(USER_REQUEST);
    expect(tokens).toEqual(['mine']);
    expect(amplify.fetchAuthSession).not.toHaveBeenCalled();
  });
});
