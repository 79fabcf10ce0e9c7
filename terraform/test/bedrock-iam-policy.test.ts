import { beforeAll, describe, expect, it } from 'vitest';
import { compileLocals, compileValue } from './hcl-expression-evaluator.js';
import {
  type Body,
  dataSource,
  loadTerraformConfig,
  MODULE_DIR,
  ref,
  resource,
  type TerraformConfig,
} from './terraform-config.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

let config: TerraformConfig;
let bedrockStatementResources: (modelId: string, partition?: string) => unknown;

beforeAll(async () => {
  config = await loadTerraformConfig(MODULE_DIR);
  const locals = await compileLocals(config.locals);
  const [statement] = dataSource(config, 'aws_iam_policy_document', 'bedrock_invoke')
    .statement as Body[];
  const resources = await compileValue(statement!.resources);
  bedrockStatementResources = (modelId, partition = 'aws') => {
    const scope = {
      var: { bedrock_model_id: modelId },
      data: {
        aws_partition: { current: { partition } },
        aws_region: { current: { region: REGION } },
        aws_caller_identity: { current: { account_id: ACCOUNT } },
      },
    };
    return resources({ ...scope, local: locals(scope) });
  };
});

describe('the Bedrock policy', () => {
  it('allows only the two invoke actions, on the configured model', () => {
    const statements = dataSource(config, 'aws_iam_policy_document', 'bedrock_invoke')
      .statement as Body[];
    expect(statements).toHaveLength(1);
    expect(statements[0]!.effect).toBe('Allow');
    expect([...(statements[0]!.actions as string[])].sort()).toEqual([
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream',
    ]);
  });

  it('is attached to the function role', () => {
    const policy = resource(config, 'aws_iam_role_policy', 'bedrock_invoke');
    expect(policy.role).toBe(ref('aws_iam_role.function.id'));
    expect(policy.policy).toBe(ref('data.aws_iam_policy_document.bedrock_invoke.json'));
  });

  it('names the foundation-model ARN of a plain model id, in the function Region', () => {
    expect(bedrockStatementResources(MODEL)).toEqual([
      `arn:aws:bedrock:${REGION}::foundation-model/${MODEL}`,
    ]);
  });

  it('follows the partition', () => {
    expect(bedrockStatementResources(MODEL, 'aws-us-gov')).toEqual([
      `arn:aws-us-gov:bedrock:${REGION}::foundation-model/${MODEL}`,
    ]);
  });

  it.each(['us', 'eu', 'apac', 'jp', 'au', 'us-gov'])(
    'names the %s. inference profile and the model in every Region it routes to',
    (prefix) => {
      expect(bedrockStatementResources(`${prefix}.${MODEL}`)).toEqual([
        `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/${prefix}.${MODEL}`,
        `arn:aws:bedrock:*::foundation-model/${MODEL}`,
      ]);
    },
  );

  it('adds the Region-less foundation-model ARN that global. profiles are authorised against', () => {
    expect(bedrockStatementResources(`global.${MODEL}`)).toEqual([
      `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/global.${MODEL}`,
      `arn:aws:bedrock:*::foundation-model/${MODEL}`,
      `arn:aws:bedrock:::foundation-model/${MODEL}`,
    ]);
  });

  it('does not take a model provider name for an inference profile prefix', () => {
    for (const modelId of [
      'amazon.nova-pro-v1:0',
      'meta.llama3-1-70b-instruct-v1:0',
      'mistral.mistral-large-2407-v1:0',
    ]) {
      expect(bedrockStatementResources(modelId)).toEqual([
        `arn:aws:bedrock:${REGION}::foundation-model/${modelId}`,
      ]);
    }
  });
});

describe('every IAM policy statement', () => {
  it('names resources that are never "*" and never a wildcard model', async () => {
    const locals = await compileLocals(config.locals);
    const documents = Object.entries(config.data.aws_iam_policy_document ?? {});
    expect(documents.length).toBeGreaterThan(1);
    for (const modelId of [MODEL, `eu.${MODEL}`, `global.${MODEL}`]) {
      const scope = {
        var: { bedrock_model_id: modelId },
        data: {
          aws_partition: { current: { partition: 'aws' } },
          aws_region: { current: { region: REGION } },
          aws_caller_identity: { current: { account_id: ACCOUNT } },
        },
      };
      for (const [name, { body }] of documents) {
        for (const statement of body.statement as Body[]) {
          expect(
            statement.not_resources,
            `${name}: NotResource grants everything else`,
          ).toBeUndefined();
          if (statement.resources === undefined) {
            // Only a trust policy (principals, no resources) may omit them.
            expect(statement.principals, `${name}: statement without resources`).toBeDefined();
            continue;
          }
          const resources = (await compileValue(statement.resources))({
            ...scope,
            local: locals(scope),
          });
          expect(Array.isArray(resources)).toBe(true);
          for (const arn of resources as string[]) {
            expect(arn, name).not.toBe('*');
            expect(arn, name).toMatch(/^arn:aws:/);
            expect(arn, name).not.toMatch(/\/\*?$|\*$/);
          }
        }
      }
    }
  });

  it('use no inline "*" resource anywhere in the module', () => {
    for (const [file, parsed] of Object.entries(config.files)) {
      expect(JSON.stringify(parsed), file).not.toMatch(/"resources":\s*\[\s*"\*"/);
      expect(JSON.stringify(parsed), file).not.toMatch(/"Resource":\s*"\*"/);
    }
  });
});
