// Empties dist before tsup: its three builds run side by side, so none of them may clean.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
