import { parseArgs } from 'node:util';
import { startBedrockEmulator } from './local/bedrock-emulator/bedrock-emulator.js';
import { BEDROCK_SCENARIO_NAMES } from './local/bedrock-emulator/bedrock-scenarios.js';
import { installAwsLambdaGlobal } from './local/function-url/aws-lambda-global.js';
import {
  type StreamingLambdaHandler,
  startFunctionUrlEmulator,
} from './local/function-url/function-url-emulator.js';
import {
  DEFAULT_BEDROCK_EMULATOR_PORT,
  DEFAULT_SERVE_PORT,
  functionUrlAuthFromEnvironment,
  portFromEnvironment,
  provideLocalBedrockCredentials,
} from './local/local-function-url-config.js';
import type { RunningServer } from './local/running-server.js';

const HELP = `chatbot-server <command>

Commands:
  serve              Run the Lambda entry (dist/lambda/index.mjs) behind a local Function URL.
                     Configured by the Lambda's variables (COGNITO_*, BEDROCK_*, ALLOWED_ORIGINS,
                     AWS_REGION); PORT (default ${DEFAULT_SERVE_PORT}); FUNCTION_URL_AUTH=NONE|AWS_IAM.
  bedrock-emulator   Run the local Bedrock runtime endpoint. PORT (default ${DEFAULT_BEDROCK_EMULATOR_PORT}).
                     Scenarios: ${BEDROCK_SCENARIO_NAMES.join(', ')}.

Both listen on 127.0.0.1 only. See docs/server.md.`;

function stopOnSignal(running: RunningServer): void {
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function serve(): Promise<RunningServer> {
  const auth = functionUrlAuthFromEnvironment(process.env);
  const port = portFromEnvironment(process.env, DEFAULT_SERVE_PORT);
  provideLocalBedrockCredentials(process.env);
  installAwsLambdaGlobal();
  // The very file Lambda runs; it configures itself from process.env when imported.
  const entry = new URL('./lambda/index.mjs', import.meta.url);
  const { handler } = (await import(entry.href)) as { handler: StreamingLambdaHandler };
  return startFunctionUrlEmulator({ handler, port, auth });
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    console.log(HELP);
    return;
  }
  let running: RunningServer;
  if (command === 'serve') {
    running = await serve();
  } else if (command === 'bedrock-emulator') {
    running = await startBedrockEmulator({
      port: portFromEnvironment(process.env, DEFAULT_BEDROCK_EMULATOR_PORT),
    });
  } else {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  stopOnSignal(running);
  console.log(`listening on ${running.url}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`chatbot-server: ${message}`);
  process.exit(1);
});
