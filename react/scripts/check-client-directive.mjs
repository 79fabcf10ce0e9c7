// Next.js App Router treats the package as client code only if each built entry starts with
// the directive; a bundler step that drops it (rollup tree-shaking does) would pass silently.
import { readFileSync } from 'node:fs';

const entries = ['dist/index.js', 'dist/index.cjs'];
const missing = entries.filter((file) => !readFileSync(file, 'utf8').startsWith("'use client';"));
if (missing.length > 0) {
  console.error(`'use client' is not the first statement of: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`'use client' heads ${entries.join(' and ')}.`);
