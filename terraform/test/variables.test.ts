import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_DIR,
  loadTerraformConfig,
  MODULE_DIR,
  type TerraformConfig,
} from './terraform-config.js';
import { declaredNames, findReferences } from './terraform-references.js';
import { passesValidation as moduleValidation, validationBlocks } from './variable-validation.js';

/** Variables whose value is one of a fixed set; each must say so in a validation block. */
const ENUMERATIONS = [
  'bedrock_api',
  'lambda_runtime',
  'lambda_architecture',
  'cognito_token_use',
  'price_class',
  'log_retention_days',
];

/** Sample values each validation must accept and reject, run through its condition. */
const VALIDATION_CASES: Record<string, { accepts: unknown[]; rejects: unknown[] }> = {
  project: {
    accepts: ['chatbot', 'acme-chat2'],
    rejects: ['Chatbot', 'chat bot', '1chat', 'a'.repeat(33)],
  },
  environment: { accepts: ['dev', 'prod-eu'], rejects: ['', 'Prod', 'a'.repeat(17)] },
  bedrock_model_id: {
    accepts: [
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
    ],
    rejects: [
      '*',
      'anthropic.*',
      'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-v2',
      '',
    ],
  },
  bedrock_api: { accepts: ['converse', 'invoke'], rejects: ['Converse', 'stream', ''] },
  lambda_runtime: {
    accepts: ['nodejs24.x', 'nodejs22.x'],
    rejects: ['nodejs20.x', 'nodejs18.x', 'nodejs16.x', 'nodejs', 'python3.13', ''],
  },
  lambda_architecture: { accepts: ['arm64', 'x86_64'], rejects: ['amd64', 'aarch64'] },
  lambda_handler: { accepts: ['index.handler', 'main.chat'], rejects: ['index', 'handler.', ''] },
  memory_size: { accepts: [128, 512, 10240], rejects: [127, 10241] },
  timeout: { accepts: [1, 300, 900], rejects: [0, 901] },
  reserved_concurrency: { accepts: [null, 0, 25], rejects: [-1] },
  log_retention_days: { accepts: [1, 30, 365, 3653], rejects: [0, 2, 31, 4000] },
  cognito_user_pool_id: {
    accepts: ['eu-west-1_AbC123', 'us-east-1_x9'],
    rejects: ['AbC123', 'eu-west-1_', ''],
  },
  cognito_client_id: { accepts: ['4abc5def6ghi'], rejects: [''] },
  cognito_token_use: { accepts: ['id', 'access'], rejects: ['refresh', 'ID'] },
  allowed_origins: {
    accepts: [[], ['https://app.example.com', 'http://localhost:5173']],
    rejects: [
      ['https://app.example.com/'],
      ['*'],
      ['https://a.example,https://b.example'],
      ['app.example.com'],
    ],
  },
  price_class: {
    accepts: ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'],
    rejects: ['PriceClass_50', 'all'],
  },
  origin_read_timeout: { accepts: [1, 60, 180], rejects: [0, 181] },
  origin_keepalive_timeout: { accepts: [1, 5, 60], rejects: [0, 61] },
};

let moduleConfig: TerraformConfig;
let exampleConfig: TerraformConfig;

beforeAll(async () => {
  moduleConfig = await loadTerraformConfig(MODULE_DIR);
  exampleConfig = await loadTerraformConfig(EXAMPLE_DIR);
});

const validations = (name: string) => validationBlocks(moduleConfig, name);
const passesValidation = (name: string, value: unknown) =>
  moduleValidation(moduleConfig, name, value);

describe.each([
  ['module', () => moduleConfig],
  ['examples/complete', () => exampleConfig],
])('references in %s', (_label, config) => {
  it('declare every var, local, resource, data source and module they use', () => {
    const used = findReferences(config());
    const declared = declaredNames(config());
    for (const kind of ['variables', 'locals', 'resources', 'data', 'modules'] as const) {
      expect(
        [...used[kind]].filter((name) => !declared[kind].has(name)),
        `undeclared ${kind}`,
      ).toEqual([]);
    }
  });

  it('use every declared variable and local', () => {
    const used = findReferences(config());
    const declared = declaredNames(config());
    expect(
      [...declared.variables].filter((name) => !used.variables.has(name)),
      'unused variables',
    ).toEqual([]);
    expect(
      [...declared.locals].filter((name) => !used.locals.has(name)),
      'unused locals',
    ).toEqual([]);
  });

  it('give every variable a type and a description, and every output a description', () => {
    for (const [name, { body }] of Object.entries(config().variables)) {
      expect(body.type, `variable ${name} type`).toMatch(/^\$\{.+\}$/);
      expect(String(body.description ?? '').length, `variable ${name} description`).toBeGreaterThan(
        10,
      );
    }
    for (const [name, { body }] of Object.entries(config().outputs)) {
      expect(String(body.description ?? '').length, `output ${name} description`).toBeGreaterThan(
        10,
      );
    }
  });
});

describe('module variables', () => {
  it('include every input the issue names', () => {
    expect(Object.keys(moduleConfig.variables)).toEqual(
      expect.arrayContaining([
        'project',
        'environment',
        'tags',
        'bedrock_model_id',
        'bedrock_api',
        'lambda_runtime',
        'lambda_handler',
        'function_source_dir',
        'layer_source_dir',
        'memory_size',
        'timeout',
        'reserved_concurrency',
        'log_retention_days',
        'cognito_user_pool_id',
        'cognito_client_id',
        'cognito_token_use',
        'allowed_origins',
        'price_class',
        'web_acl_id',
        'origin_read_timeout',
      ]),
    );
  });

  it('have the defaults the issue asks for', () => {
    const defaultOf = (name: string) => moduleConfig.variables[name]!.body.default;
    expect(defaultOf('lambda_runtime')).toBe('nodejs24.x');
    expect(defaultOf('lambda_handler')).toBe('index.handler');
    expect(defaultOf('timeout')).toBe(300);
    expect(defaultOf('origin_read_timeout')).toBe(60);
    expect(defaultOf('reserved_concurrency')).toBeNull();
    expect(defaultOf('web_acl_id')).toBeNull();
  });

  it.each(ENUMERATIONS)('validate the enumeration %s', (name) => {
    expect(validations(name).length).toBeGreaterThan(0);
    expect(VALIDATION_CASES[name]?.rejects.length).toBeGreaterThan(0);
  });

  it('have sample values for every validated variable', () => {
    const validated = Object.keys(moduleConfig.variables).filter(
      (name) => validations(name).length > 0,
    );
    expect(validated.sort()).toEqual(Object.keys(VALIDATION_CASES).sort());
  });

  it.each(Object.entries(VALIDATION_CASES))(
    '%s validation accepts and rejects the right values',
    async (name, cases) => {
      for (const value of cases.accepts) {
        expect(
          await passesValidation(name, value),
          `${name} should accept ${JSON.stringify(value)}`,
        ).toBe(true);
      }
      for (const value of cases.rejects) {
        expect(
          await passesValidation(name, value),
          `${name} should reject ${JSON.stringify(value)}`,
        ).toBe(false);
      }
    },
  );

  it('accept their own defaults', async () => {
    for (const [name, { body }] of Object.entries(moduleConfig.variables)) {
      if (!('default' in body) || validations(name).length === 0) continue;
      expect(await passesValidation(name, body.default), `${name} default`).toBe(true);
    }
  });

  it('reject every Node.js runtime older than nodejs22.x (nodejs20.x is blocked since 2026)', async () => {
    for (let major = 4; major <= 21; major += 1) {
      expect(await passesValidation('lambda_runtime', `nodejs${major}.x`), `nodejs${major}.x`).toBe(
        false,
      );
    }
  });
});
