import { describe, expect, it } from 'vitest';
import { PlaygroundConfigError, readPlaygroundConfig } from './playground-config.js';
import { withScenario } from './scenarios.js';

const deployed = {
  VITE_CHATBOT_ENDPOINT: 'https://d111111abcdef8.cloudfront.net/',
  VITE_COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
  VITE_COGNITO_CLIENT_ID: '1example23456789',
};

describe('readPlaygroundConfig', () => {
  it('names every missing variable and where to set it', () => {
    const error = (() => {
      try {
        readPlaygroundConfig({ VITE_COGNITO_CLIENT_ID: 'x', VITE_CHATBOT_ENDPOINT: '  ' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PlaygroundConfigError);
    expect((error as PlaygroundConfigError).code).toBe('missing_config');
    expect((error as PlaygroundConfigError).missing).toEqual([
      'VITE_CHATBOT_ENDPOINT',
      'VITE_COGNITO_USER_POOL_ID',
    ]);
    expect((error as Error).message).toContain('playground/.env');
  });

  it('reads a deployed stack: region from the pool id, real Cognito, no demo login', () => {
    expect(readPlaygroundConfig(deployed)).toEqual({
      endpoint: deployed.VITE_CHATBOT_ENDPOINT,
      cognito: {
        userPoolId: 'eu-west-1_AbC123',
        clientId: '1example23456789',
        region: 'eu-west-1',
        endpoint: undefined,
      },
      demoUser: undefined,
    });
  });

  it('reads the local stack: cognito-local endpoint and the demo login', () => {
    const config = readPlaygroundConfig({
      ...deployed,
      VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9230',
      VITE_COGNITO_REGION: 'local',
      VITE_DEMO_USERNAME: 'demo@example.com',
      VITE_DEMO_PASSWORD: 'pw',
    });
    expect(config.cognito.endpoint).toBe('http://127.0.0.1:9230');
    expect(config.cognito.region).toBe('local');
    expect(config.demoUser).toEqual({ username: 'demo@example.com', password: 'pw' });
  });
});

describe('withScenario', () => {
  it('prefixes the prompt for the emulator, except for the normal scenario', () => {
    expect(withScenario('Hi', 'throttled')).toBe('[scenario:throttled] Hi');
    expect(withScenario('Hi', 'normal')).toBe('Hi');
  });
});
