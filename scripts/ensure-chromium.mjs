// Browser tests run on Debian's Chromium: `npx playwright install` cannot download browsers here.
// Installs it when missing and we are root; otherwise stops with what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

if (process.env.CHROME_PATH) {
  console.error(
    `CHROME_PATH is set to ${path}, but no file is there. Point it at a Chromium binary.`,
  );
  process.exit(1);
}
if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(
    'Chromium is missing (/usr/bin/chromium). Install it with\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or set CHROME_PATH to an existing Chromium/Chrome binary, then run npm test again.',
  );
  process.exit(1);
}
console.log('Installing Chromium from Debian (apt-get install chromium)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], {
  stdio: 'inherit',
  env,
});
if (!existsSync(path)) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
