import type { LocalStackInfo } from './dev-stack-info.js';

/** The one block `npm run dev` prints when everything is up. */
export function formatDevStackSummary(
  info: LocalStackInfo,
  readyAfterMs: Readonly<Record<string, number>>,
  infoFile: string,
  /** When `npm run dev` began (its build included), if known. */
  devStartedAt?: number,
): string {
  const stackMs = Math.max(0, ...Object.values(readyAfterMs));
  const took =
    devStartedAt === undefined
      ? `${(stackMs / 1000).toFixed(1)} s`
      : `stack ${(stackMs / 1000).toFixed(1)} s, ${((Date.now() - devStartedAt) / 1000).toFixed(1)} s since npm run dev`;
  const rows: [string, string][] = [
    ['Playground', info.playground ?? '(not started)'],
    ['Chat endpoint', `${info.endpoint}  (CloudFront OAC emulator)`],
    ['Function URL', `${info.functionUrl}  (AWS_IAM: unsigned calls get 403)`],
    ['Bedrock', info.bedrockEndpoint],
    [
      'Cognito',
      `${info.cognito.endpoint}  pool ${info.cognito.userPoolId}, client ${info.cognito.clientId}`,
    ],
    ['Demo login', `${info.demoUser.username} / ${info.demoUser.password}`],
    ['Stack file', infoFile],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    '',
    `Local chatbot stack is up (${took}). Press Ctrl-C to stop it.`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
  ].join('\n');
}
