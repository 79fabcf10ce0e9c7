// Vitest browser mode on Debian's Chromium: Playwright cannot download its own browser here.
import { playwright } from '@vitest/browser-playwright';

/** Where Chromium lives; CHROME_PATH overrides the Debian default. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags that keep a headless Chromium off the (closed) network and quiet on a small machine. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The `test.browser` block for a Vitest project that runs in real Chromium. */
export function chromiumBrowser() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
    instances: [{ browser: 'chromium' as const }],
  };
}
