import { createServer, type Server } from 'node:net';
import { LocalStackError } from './dev-stack-errors.js';

/** Everything in the local stack binds here: nothing may listen on other interfaces. */
export const LOOPBACK_HOST = '127.0.0.1';

function portInUse(port: number, what: string, envVar?: string): LocalStackError {
  const hint = envVar
    ? `stop the other process or choose another port with ${envVar}=<port>`
    : 'stop the other process or choose another port';
  return new LocalStackError(
    'port_in_use',
    `Port ${port} (${what}) is already in use on ${LOOPBACK_HOST}: ${hint}.`,
  );
}

/**
 * Listens on the loopback interface. Port 0 picks a free port. A busy port becomes a
 * `port_in_use` error naming the port, the part that wanted it and the variable that moves it.
 */
export function listenOnLoopback(
  server: Pick<Server, 'listen' | 'once' | 'off' | 'address'>,
  port: number,
  what: string,
  envVar?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? portInUse(port, what, envVar) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, LOOPBACK_HOST);
  });
}

/**
 * Finds a port for a child process that must be told its port up front (cognito-local puts it
 * into the token issuer, so it cannot listen on port 0 and report back). With `port` 0, asks the
 * kernel for a free one; otherwise checks that `port` is free.
 */
export async function reservePort(port: number, what: string, envVar?: string): Promise<number> {
  const probe = createServer();
  const chosen = await listenOnLoopback(probe, port, what, envVar);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return chosen;
}

/** Reads a port from an environment variable, or the default; rejects anything but 0..65535. */
export function portFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new LocalStackError(
      'invalid_config',
      `${name}=${raw} is not a port: use a whole number from 1 to 65535 (0 picks a free port).`,
    );
  }
  return port;
}
