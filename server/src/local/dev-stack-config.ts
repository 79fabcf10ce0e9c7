import { portFromEnv } from './dev-stack-port.js';

/** The ports of the local stack's parts. */
export interface DevStackPorts {
  /** The CloudFront OAC emulator: the endpoint browsers call. */
  oac: number;
  /** `chatbot-server serve`: the Function URL emulator. */
  functionUrl: number;
  bedrock: number;
  cognito: number;
  /** The refresh shim in front of cognito-local: Amplify's `userPoolEndpoint`. */
  cognitoShim: number;
  playground: number;
}

/** Each port's environment variable and fixed default (documented in docs/local-stack.md). */
export const DEV_STACK_PORT_VARIABLES: Readonly<
  Record<keyof DevStackPorts, { name: string; fallback: number; label: string }>
> = {
  oac: { name: 'CHATBOT_OAC_PORT', fallback: 8780, label: 'CloudFront OAC emulator' },
  functionUrl: {
    name: 'CHATBOT_FUNCTION_URL_PORT',
    fallback: 8787,
    label: 'function URL emulator',
  },
  bedrock: { name: 'CHATBOT_BEDROCK_PORT', fallback: 8788, label: 'Bedrock emulator' },
  cognito: { name: 'CHATBOT_COGNITO_PORT', fallback: 9229, label: 'cognito-local' },
  cognitoShim: { name: 'CHATBOT_COGNITO_SHIM_PORT', fallback: 9230, label: 'Cognito refresh shim' },
  playground: { name: 'CHATBOT_PLAYGROUND_PORT', fallback: 5173, label: 'playground (Vite)' },
};

/** Ports from the environment, defaults for the rest; 0 means "any free port". */
export function devStackPortsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): DevStackPorts {
  const ports = {} as DevStackPorts;
  for (const [part, { name, fallback }] of Object.entries(DEV_STACK_PORT_VARIABLES)) {
    ports[part as keyof DevStackPorts] = portFromEnv(env, name, fallback);
  }
  return ports;
}

/** The model id the function asks for; the emulator answers to any id. */
export const LOCAL_MODEL_ID = 'anthropic.claude-3-5-haiku-20241022-v1:0';
