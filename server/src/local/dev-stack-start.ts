import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BedrockEmulatorTiming } from './bedrock-emulator/answer-script.js';
import { type BedrockEmulator, startBedrockEmulator } from './bedrock-emulator/bedrock-emulator.js';
import { type LocalCognito, startLocalCognito } from './cognito/local-cognito.js';
import { type RunningChild, startChildProcess } from './dev-stack-child.js';
import {
  DEV_STACK_PORT_VARIABLES,
  type DevStackPorts,
  LOCAL_MODEL_ID,
} from './dev-stack-config.js';
import { LocalStackError } from './dev-stack-errors.js';
import type { LocalStackInfo } from './dev-stack-info.js';
import { LOOPBACK_HOST, reservePort } from './dev-stack-port.js';
import { LOCAL_BEDROCK_CREDENTIALS, LOCAL_FUNCTION_URL_CREDENTIALS } from './local-credentials.js';
import { type OacEmulator, startOacEmulator } from './oac/oac-emulator.js';

export interface DevStackOptions {
  repoRoot: string;
  /** 0 for any part picks a free port. */
  ports: DevStackPorts;
  /** Folder that receives `.cognito/`; default the repo root. */
  cognitoDataRoot?: string;
  /** Start Vite for the playground too. */
  withPlayground: boolean;
  /** The built `chatbot-server` CLI (server/dist/cli.js). */
  serverCli: string;
  region?: string;
  bedrockTiming?: Partial<BedrockEmulatorTiming>;
  /** Output of every part, one line at a time. */
  log?: (part: string, line: string) => void;
}

export interface DevStack {
  info: LocalStackInfo;
  /** Milliseconds from the call until each part was ready. */
  readyAfterMs: Record<string, number>;
  /** Settles with a message when a part stops on its own (a crash); never while stopping. */
  unexpectedExit: Promise<string>;
  stop(): Promise<void>;
}

const DEFAULT_REGION = 'us-east-1';

/** Vite's CLI as the playground resolves it (its package exports no bin path, so via package.json). */
function viteBinary(repoRoot: string): string {
  const playgroundRequire = createRequire(join(repoRoot, 'playground', 'package.json'));
  let manifest: string;
  try {
    manifest = playgroundRequire.resolve('vite/package.json');
  } catch (cause) {
    throw new LocalStackError(
      'invalid_config',
      'Vite is not installed for the playground: run `npm install` at the repository root.',
      { cause },
    );
  }
  const { bin } = playgroundRequire(manifest) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.vite!);
}

/** Environment of `chatbot-server serve`: the Lambda's variables, pointed at the local parts. */
function functionEnvironment(
  port: number,
  region: string,
  cognito: LocalCognito,
  bedrock: BedrockEmulator,
  playgroundPort: number,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A developer's own AWS identity must not sign calls to the emulator (or anything else).
  for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_PROFILE']) delete env[name];
  return {
    ...env,
    PORT: String(port),
    FUNCTION_URL_AUTH: 'AWS_IAM',
    FUNCTION_URL_ACCESS_KEY_ID: LOCAL_FUNCTION_URL_CREDENTIALS.accessKeyId,
    FUNCTION_URL_SECRET_ACCESS_KEY: LOCAL_FUNCTION_URL_CREDENTIALS.secretAccessKey,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: LOCAL_BEDROCK_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_BEDROCK_CREDENTIALS.secretAccessKey,
    COGNITO_USER_POOL_ID: cognito.userPoolId,
    COGNITO_CLIENT_ID: cognito.clientId,
    COGNITO_ISSUER: cognito.issuer,
    COGNITO_JWKS_URL: cognito.jwksUrl,
    BEDROCK_MODEL_ID: LOCAL_MODEL_ID,
    BEDROCK_ENDPOINT: bedrock.url,
    ALLOWED_ORIGINS: [
      `http://${LOOPBACK_HOST}:${playgroundPort}`,
      `http://localhost:${playgroundPort}`,
    ].join(','),
  };
}

/**
 * Starts the local stack on loopback: cognito-local (seeded) with its refresh shim, the Bedrock
 * emulator, `chatbot-server serve` with AWS_IAM auth, the OAC emulator in front of it and, if
 * asked, Vite serving the playground. Parts that do not depend on each other start together.
 * On any failure, what already started is stopped again before the error is thrown.
 */
export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const t0 = performance.now();
  const readyAfterMs: Record<string, number> = {};
  const mark = (part: string) => {
    readyAfterMs[part] = Math.round(performance.now() - t0);
  };
  const log = options.log ?? (() => {});
  const region = options.region ?? DEFAULT_REGION;
  const stops: (() => Promise<void>)[] = [];
  const children: RunningChild[] = [];
  let stopping = false;

  const stop = async () => {
    stopping = true;
    for (const stopPart of stops.reverse()) {
      await stopPart().catch(() => {});
    }
    stops.length = 0;
  };

  /** Registers a started part; one that finishes starting after a failure is stopped at once. */
  const started = async <T>(part: string, value: T, stopPart: () => Promise<void>): Promise<T> => {
    if (stopping) {
      await stopPart().catch(() => {});
      throw new LocalStackError('process_exited', `${part} started after the stack gave up.`);
    }
    stops.push(stopPart);
    mark(part);
    return value;
  };

  try {
    const viteBin = options.withPlayground ? viteBinary(options.repoRoot) : undefined;
    // Every port is checked (or chosen) first: a busy one fails now, by name, before anything starts.
    const ports = {} as DevStackPorts;
    const parts = Object.keys(DEV_STACK_PORT_VARIABLES) as (keyof DevStackPorts)[];
    for (const part of parts) {
      if (part === 'playground' && !options.withPlayground) continue;
      const variable = DEV_STACK_PORT_VARIABLES[part];
      ports[part] = await reservePort(options.ports[part], variable.label, variable.name);
    }

    const [cognitoResult, bedrockResult] = await Promise.allSettled([
      startLocalCognito({
        dataRoot: options.cognitoDataRoot ?? options.repoRoot,
        port: ports.cognito,
        shimPort: ports.cognitoShim,
        portEnvVar: DEV_STACK_PORT_VARIABLES.cognito.name,
        shimPortEnvVar: DEV_STACK_PORT_VARIABLES.cognitoShim.name,
      }).then((cognito) => started('cognito', cognito, cognito.stop)),
      startBedrockEmulator({
        port: ports.bedrock,
        host: LOOPBACK_HOST,
        ...(options.bedrockTiming ? { timing: options.bedrockTiming } : {}),
      }).then((bedrock) => started('bedrock', bedrock, bedrock.close)),
    ]);
    if (cognitoResult.status === 'rejected') throw cognitoResult.reason;
    if (bedrockResult.status === 'rejected') throw bedrockResult.reason;
    const cognito = cognitoResult.value;
    const bedrock = bedrockResult.value;

    const functionUrl = `http://${LOOPBACK_HOST}:${ports.functionUrl}/`;
    const playgroundUrl = options.withPlayground
      ? `http://${LOOPBACK_HOST}:${ports.playground}/`
      : null;

    const startFunction = startChildProcess({
      name: 'function URL (chatbot-server serve)',
      command: process.execPath,
      args: [options.serverCli, 'serve'],
      cwd: options.repoRoot,
      env: functionEnvironment(
        ports.functionUrl,
        region,
        cognito,
        bedrock,
        ports.playground ?? options.ports.playground,
      ),
      ready: { line: /listening on (http:\/\/\S+)/ },
      timeoutMs: 20_000,
      onLine: (line) => log('function', line),
    }).then((child) => {
      children.push(child);
      return started('function', child, child.stop);
    });

    const startOac = startOacEmulator({
      origin: functionUrl,
      port: ports.oac,
      portEnvVar: DEV_STACK_PORT_VARIABLES.oac.name,
      region,
      credentials: LOCAL_FUNCTION_URL_CREDENTIALS,
      log: (line) => log('oac', line),
    }).then((oac: OacEmulator) => started('oac', oac, oac.close));

    const endpoint = `http://${LOOPBACK_HOST}:${ports.oac}/`;
    const startPlayground = options.withPlayground
      ? startChildProcess({
          name: 'playground (vite)',
          command: process.execPath,
          args: [viteBin!],
          cwd: join(options.repoRoot, 'playground'),
          env: {
            ...process.env,
            CHATBOT_PLAYGROUND_PORT: String(ports.playground),
            VITE_CHATBOT_ENDPOINT: endpoint,
            VITE_COGNITO_USER_POOL_ID: cognito.userPoolId,
            VITE_COGNITO_CLIENT_ID: cognito.clientId,
            VITE_COGNITO_REGION: cognito.region,
            VITE_COGNITO_ENDPOINT: cognito.endpoint,
            VITE_DEMO_USERNAME: cognito.demoUser.username,
            VITE_DEMO_PASSWORD: cognito.demoUser.password,
          },
          ready: { url: playgroundUrl! },
          timeoutMs: 30_000,
          onLine: (line) => log('playground', line),
        }).then((child) => {
          children.push(child);
          return started('playground', child, child.stop);
        })
      : Promise.resolve(undefined);

    // allSettled, not all: each part that did start must be known before a failure stops them.
    const results = await Promise.allSettled([startFunction, startOac, startPlayground]);
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;

    const unexpectedExit = new Promise<string>((resolve) => {
      void cognito.exited.then((output) => {
        if (!stopping) resolve(`cognito-local stopped on its own. Its last output:\n${output}`);
      });
      for (const child of children) {
        void child.exited.then(({ code, signal }) => {
          if (!stopping) {
            resolve(
              `${child.name} stopped on its own (${signal ?? `exit code ${code}`}). Its last output:\n${child.recentOutput()}`,
            );
          }
        });
      }
    });

    return {
      info: {
        endpoint,
        functionUrl,
        bedrockEndpoint: bedrock.url,
        cognito: {
          endpoint: cognito.endpoint,
          region: cognito.region,
          userPoolId: cognito.userPoolId,
          clientId: cognito.clientId,
        },
        playground: playgroundUrl,
        demoUser: cognito.demoUser,
      },
      readyAfterMs,
      unexpectedExit,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
