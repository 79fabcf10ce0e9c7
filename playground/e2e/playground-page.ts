import type { Locator, Page } from 'playwright';
import type { LocalStackInfo } from './local-stack-process.js';

/** The accessible surface of the playground, as the issue names it. */
export function playground(page: Page) {
  const conversation = page.getByRole('log', { name: 'Conversation' });
  return {
    email: page.getByLabel('Email'),
    password: page.getByLabel('Password'),
    signIn: page.getByRole('button', { name: 'Sign in' }),
    message: page.getByRole('textbox', { name: 'Message' }),
    send: page.getByRole('button', { name: 'Send' }),
    stop: page.getByRole('button', { name: 'Stop' }),
    retry: page.getByRole('button', { name: 'Retry' }),
    scenario: page.getByLabel('Scenario'),
    conversation,
    articles: conversation.getByRole('article'),
    /** The newest message: while an answer is on its way, that answer. */
    lastArticle: conversation.getByRole('article').last(),
    alerts: page.getByRole('alert'),
  };
}

export async function signInAsDemo(page: Page, info: LocalStackInfo): Promise<void> {
  const ui = playground(page);
  await page.goto(info.playground!);
  await ui.email.fill(info.demoUser.username);
  await ui.password.fill(info.demoUser.password);
  await ui.signIn.click();
  await ui.message.waitFor();
}

/** The answer's status, from the article's data-status (streaming, done, stopped, error). */
export async function statusOf(article: Locator): Promise<string | null> {
  return article.getAttribute('data-status');
}

/** Text of the answer body, without the author line and figures. */
export async function answerText(article: Locator): Promise<string> {
  return (await article.locator('.content').textContent()) ?? '';
}

/**
 * Records every distinct text the newest answer shows until it leaves `streaming`, in the page
 * itself (a MutationObserver), so no step is missed between two polls from the test.
 */
export function recordAnswerSteps(page: Page, timeoutMs: number): Promise<string[]> {
  return page.evaluate(
    (limit) =>
      new Promise<string[]>((resolve, reject) => {
        const log = document.querySelector('[role="log"]')!;
        const steps: string[] = [];
        const look = () => {
          const article = log.querySelector('article:last-of-type');
          if (!article || article.classList.contains('user')) return false;
          const text = article.querySelector('.content')?.textContent ?? '';
          if (text !== '' && text !== steps.at(-1)) steps.push(text);
          return article.getAttribute('data-status') !== 'streaming';
        };
        const observer = new MutationObserver(() => {
          if (look()) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(steps);
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`The answer was still streaming after ${limit} ms: ${steps.at(-1)}`));
        }, limit);
        observer.observe(log, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        look();
      }),
    timeoutMs,
  );
}
