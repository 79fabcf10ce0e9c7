import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * `.local-stack.json`: written when every part is up, removed on shutdown. Other tools (tests,
 * scripts) read it to find the running stack. Keep the shape stable: it is a contract.
 */
export interface LocalStackInfo {
  /** The OAC emulator, with a trailing slash: what a browser calls. */
  endpoint: string;
  /** The Function URL emulator (SigV4 required: calling it directly gets 403). */
  functionUrl: string;
  bedrockEndpoint: string;
  cognito: { endpoint: string; region: string; userPoolId: string; clientId: string };
  /** The playground's URL, or null when the stack runs without it. */
  playground: string | null;
  demoUser: { username: string; password: string };
}

export function writeLocalStackInfo(path: string, info: LocalStackInfo): void {
  // Written whole to a temporary name and renamed, so a reader never sees half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(temporary, path);
}

export function removeLocalStackInfo(path: string): void {
  rmSync(path, { force: true });
}
