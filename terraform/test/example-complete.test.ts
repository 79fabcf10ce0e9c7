import { beforeAll, describe, expect, it } from 'vitest';
import { compileValue } from './hcl-expression-evaluator.js';
import {
  type Body,
  dataSource,
  EXAMPLE_DIR,
  loadTerraformConfig,
  MODULE_DIR,
  onlyBody,
  ref,
  type TerraformConfig,
} from './terraform-config.js';
import { passesValidation } from './variable-validation.js';

let example: TerraformConfig;
let moduleConfig: TerraformConfig;
let call: Body;

beforeAll(async () => {
  example = await loadTerraformConfig(EXAMPLE_DIR);
  moduleConfig = await loadTerraformConfig(MODULE_DIR);
  call = example.modules.chatbot!.body;
});

const META_ARGUMENTS = ['source', 'version', 'providers', 'count', 'for_each', 'depends_on'];

describe('examples/complete', () => {
  it('has the files the issue names', () => {
    expect(Object.keys(example.files).sort()).toEqual(
      expect.arrayContaining([
        'examples/complete/backend.tf',
        'examples/complete/providers.tf',
        'examples/complete/main.tf',
        'examples/complete/outputs.tf',
      ]),
    );
  });

  it('keeps its state in an S3 backend (with placeholders) in backend.tf', () => {
    const blocks = (example.files['examples/complete/backend.tf']!.terraform as Body[]) ?? [];
    const backend = blocks[0]?.backend as Record<string, unknown> | undefined;
    const s3 = onlyBody(backend?.s3, 'backend "s3"');
    expect(s3.bucket).toMatch(/REPLACE/);
    expect(s3.key).toBeTruthy();
    expect(s3.region).toBeTruthy();
  });

  it('configures the AWS provider in providers.tf', () => {
    const providers = example.files['examples/complete/providers.tf']!.provider as Record<
      string,
      unknown
    >;
    expect(providers.aws).toBeDefined();
  });

  it('reads the Cognito stack through terraform_remote_state on S3', () => {
    const state = dataSource(example, 'terraform_remote_state', 'cognito');
    expect(state.backend).toBe('s3');
    expect(Object.keys(state.config as Body).sort()).toEqual(['bucket', 'key', 'region']);
  });

  it("feeds the Cognito stack's outputs into the module", () => {
    expect(call.cognito_user_pool_id).toBe(
      ref('data.terraform_remote_state.cognito.outputs.user_pool_id'),
    );
    expect(call.cognito_client_id).toBe(
      ref('data.terraform_remote_state.cognito.outputs.user_pool_client_id'),
    );
  });

  it('calls the module at the repository path', () => {
    expect(call.source).toBe('../..');
  });

  it('passes only inputs the module declares, and every required one', () => {
    const inputs = Object.keys(call).filter((key) => !META_ARGUMENTS.includes(key));
    const declared = Object.keys(moduleConfig.variables);
    expect(
      inputs.filter((name) => !declared.includes(name)),
      'unknown module inputs',
    ).toEqual([]);
    const required = declared.filter((name) => !('default' in moduleConfig.variables[name]!.body));
    expect(
      required.filter((name) => !inputs.includes(name)),
      'missing required inputs',
    ).toEqual([]);
  });

  it('outputs only what the module outputs, including the endpoint', () => {
    const used = Object.values(example.outputs).map(({ body }) =>
      String(body.value).replace(/^\$\{module\.chatbot\.(\w+)\}$/, '$1'),
    );
    expect(used).toContain('chatbot_endpoint');
    for (const name of used) expect(Object.keys(moduleConfig.outputs)).toContain(name);
  });

  it('asks for the same providers as the module', () => {
    const providersBlock = example.terraformBlocks.find(
      (block) => block.body.required_providers,
    )!.body;
    const moduleBlock = moduleConfig.terraformBlocks.find(
      (block) => block.body.required_providers,
    )!.body;
    expect(providersBlock.required_providers).toEqual(moduleBlock.required_providers);
    expect(moduleBlock.required_version).toBe('>= 1.5.7');
  });

  it('requires Terraform 1.10, the first release whose S3 backend takes use_lockfile', () => {
    const s3 = onlyBody(
      ((example.files['examples/complete/backend.tf']!.terraform as Body[])[0]!.backend as Body).s3,
      'backend "s3"',
    );
    expect(s3.use_lockfile).toBe(true);
    const providersBlock = example.terraformBlocks.find(
      (block) => block.body.required_providers,
    )!.body;
    expect(providersBlock.required_version).toBe('>= 1.10');
  });

  it("passes values the module's validations accept (with the example's defaults)", async () => {
    const exampleDefaults = Object.fromEntries(
      Object.entries(example.variables).map(([name, { body }]) => [name, body.default]),
    );
    const inputs = Object.entries(call).filter(
      ([key, value]) =>
        !META_ARGUMENTS.includes(key) && !String(value).includes('terraform_remote_state'),
    );
    expect(inputs.length).toBeGreaterThan(5);
    for (const [name, value] of inputs) {
      const evaluated = (await compileValue(value))({ var: exampleDefaults });
      expect(
        await passesValidation(moduleConfig, name, evaluated),
        `${name} = ${JSON.stringify(evaluated)}`,
      ).toBe(true);
    }
  });
});
