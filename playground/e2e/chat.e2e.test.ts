import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MULTIBYTE_ANSWER } from '@chatbot/server/local';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../tooling/vitest-chromium.js';
import { type RunningLocalStack, startLocalStack } from './local-stack-process.js';
import {
  answerText,
  playground,
  recordAnswerSteps,
  signInAsDemo,
  statusOf,
} from './playground-page.js';

const artefacts = join(import.meta.dirname, '..', 'test-results');
// Long enough that the emulator's echo (one word per 30 ms) takes over a second to stream.
const LONG_PROMPT =
  'Please tell me, slowly and in many words, everything there is to know about streaming ' +
  'answers through CloudFront and Lambda function URLs, and why the body hash matters so much.';

let stack: RunningLocalStack;
let browser: Browser;
let page: Page;
/** The `x-chatbot-token` of every chat request the page sent, in order. */
const sentTokens: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack();
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().startsWith(stack.info.endpoint)) {
      sentTokens.push(request.headers()['x-chatbot-token'] ?? '');
    }
  });
  await signInAsDemo(page, stack.info);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the playground on the local stack', () => {
  it('came up within 30 s, playground included', () => {
    expect(stack.info.playground).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(stack.startupMs).toBeLessThan(30_000);
  });

  it('streams an answer that grows in visible steps before it is done', async () => {
    const ui = playground(page);
    await ui.message.fill('Hello from the e2e suite');
    const steps = recordAnswerSteps(page, 20_000);
    await ui.send.click();
    const seen = await steps;
    await expect.poll(() => statusOf(ui.lastArticle)).toBe('done');
    const final = await answerText(ui.lastArticle);
    expect(final).toContain('Hello from the e2e suite');
    // Steps before the last one are partial texts the user saw while it streamed.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const partial of seen.slice(0, -1)) expect(final.startsWith(partial)).toBe(true);
    expect(await ui.articles.count()).toBe(2);
    // The figures of a finished answer.
    await expect
      .poll(() => ui.lastArticle.getByRole('definition').first().textContent())
      .toMatch(/\d+ ms|\d+\.\d+ s/);
  });

  it('keeps the partial text when the answer is stopped, and Retry answers again', async () => {
    const ui = playground(page);
    await ui.message.fill(LONG_PROMPT);
    await ui.send.click();
    await expect.poll(async () => (await answerText(ui.lastArticle)).length).toBeGreaterThan(20);
    await ui.stop.click();
    await expect.poll(() => statusOf(ui.lastArticle)).toBe('stopped');
    const partial = await answerText(ui.lastArticle);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial).not.toContain('why the body hash matters');
    // Stopped means stopped: nothing more arrives.
    await page.waitForTimeout(500);
    expect(await answerText(ui.lastArticle)).toBe(partial);

    await ui.retry.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 20_000 }).toBe('done');
    expect(await answerText(ui.lastArticle)).toContain('why the body hash matters');
    expect(await ui.articles.count()).toBe(4);
  });

  it('shows an alert when Bedrock throttles, and Retry works once it stops', async () => {
    const ui = playground(page);
    await ui.scenario.selectOption('throttled');
    await ui.message.fill('Are you busy?');
    await ui.send.click();
    const alert = ui.alerts.filter({ hasText: 'rate_limited' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await statusOf(ui.lastArticle)).toBe('error');
    // The client retried before giving up; the figures say how often.
    expect(await ui.lastArticle.textContent()).toMatch(/Retries\s*2/);

    await ui.scenario.selectOption('normal');
    await ui.retry.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 20_000 }).toBe('done');
    expect(await answerText(ui.lastArticle)).toContain('Are you busy?');
    expect(await ui.alerts.filter({ hasText: 'invalid_request' }).count()).toBe(0);
  });

  it('keeps the partial text when the model fails mid-stream', async () => {
    const ui = playground(page);
    await ui.scenario.selectOption('mid-stream-error');
    await ui.message.fill('Fail halfway please');
    await ui.send.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 20_000 }).toBe('error');
    const partial = await answerText(ui.lastArticle);
    expect(partial).toMatch(/^Hello from the/);
    expect(await ui.alerts.count()).toBeGreaterThan(0);
    await ui.scenario.selectOption('normal');
  });

  it('renders emoji and CJK split across frames intact', async () => {
    const ui = playground(page);
    await ui.scenario.selectOption('multibyte');
    await ui.message.fill('Say something in many scripts');
    await ui.send.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 20_000 }).toBe('done');
    expect(await answerText(ui.lastArticle)).toBe(MULTIBYTE_ANSWER);
    await ui.scenario.selectOption('normal');
  });

  it('keeps chatting after a forced token refresh, with the new token', async () => {
    const ui = playground(page);
    const before = sentTokens.at(-1);
    expect(before).toBeTruthy();
    await page.getByText('Settings').click();
    await page.getByRole('button', { name: 'Refresh session' }).click();
    await page.getByRole('status').filter({ hasText: 'Session refreshed' }).waitFor();
    await ui.message.fill('Still there after the refresh?');
    await ui.send.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 20_000 }).toBe('done');
    expect(await answerText(ui.lastArticle)).toContain('Still there after the refresh?');
    expect(sentTokens.at(-1)).toBeTruthy();
    expect(sentTokens.at(-1)).not.toBe(before);
  });

  it('reads well at phone width and saves a screenshot of the conversation', async () => {
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: join(artefacts, 'conversation-laptop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artefacts, 'conversation-phone.png'), fullPage: true });
  });

  it('gets 403 from the function URL when the OAC emulator is bypassed', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'let me in' }] });
    const response = await fetch(stack.info.functionUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-chatbot-token': sentTokens.at(-1)!,
        'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      },
      body,
    });
    expect(response.status).toBe(403);
  });

  it('streams a 20,000-token answer to the end while the page stays usable', async () => {
    const ui = playground(page);
    await ui.scenario.selectOption('long-answer');
    await ui.message.fill('Tell me everything');
    const started = Date.now();
    await ui.send.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 45_000 }).toBe('done');
    const elapsed = Date.now() - started;
    const text = await answerText(ui.lastArticle);
    expect(text.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(20_000);
    expect(await ui.lastArticle.textContent()).toMatch(/Tokens out\s*20000/);
    // The page answered input right after; a frozen main thread would time this out.
    await ui.message.fill('still responsive', { timeout: 2000 });
    await ui.message.fill('');
    expect(elapsed).toBeLessThan(45_000);
    await ui.scenario.selectOption('normal');

    // The next request carries that answer, longer than the protocol's 32,000 characters per
    // message: the store's history window cuts it to its end, so the next question still works.
    await ui.message.fill('And now?');
    await ui.send.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 20_000 }).toBe('done');
    expect(await ui.alerts.filter({ hasText: 'invalid_request' }).count()).toBe(0);
    expect(await answerText(ui.lastArticle)).toContain('And now?');
    await page.getByRole('button', { name: 'New conversation' }).click();
    expect(await ui.articles.count()).toBe(0);
    await ui.message.fill('A fresh start');
    await ui.send.click();
    await expect.poll(() => statusOf(ui.lastArticle), { timeout: 20_000 }).toBe('done');
    expect(await ui.articles.count()).toBe(2);
  }, 60_000);
});
