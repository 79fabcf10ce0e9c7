import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  inputsTableRows,
  markedSection,
  outputsTableRows,
  parseTable,
  renderTable,
} from './readme-tables.js';
import { loadTerraformConfig, MODULE_DIR, type TerraformConfig } from './terraform-config.js';

const readme = readFileSync(join(MODULE_DIR, 'README.md'), 'utf8');
let config: TerraformConfig;

beforeAll(async () => {
  config = await loadTerraformConfig(MODULE_DIR);
});

describe('README.md', () => {
  it('has the inputs table of variables.tf (every variable, its type, default and description)', () => {
    const expected = inputsTableRows(config);
    expect(
      parseTable(markedSection(readme, 'inputs') ?? ''),
      `put this table between the inputs markers:
${renderTable(expected)}`,
    ).toEqual(expected);
  });

  it('has the outputs table of outputs.tf', () => {
    const expected = outputsTableRows(config);
    expect(
      parseTable(markedSection(readme, 'outputs') ?? ''),
      `put this table between the outputs markers:
${renderTable(expected)}`,
    ).toEqual(expected);
  });

  it('says what the module creates, file by file', () => {
    for (const file of ['iam.tf', 'layer.tf', 'lambda.tf', 'cloudfront.tf', 'permissions.tf']) {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${file.replace('.', '\\.')}\`\\s*\\|`));
    }
  });

  it.each([
    ['OAC overwriting Authorization', /overwrites `Authorization`[\s\S]*x-chatbot-token/],
    ['the body hash header', /x-amz-content-sha256[\s\S]*403/],
    ['the second permission', /lambda:InvokeFunction`[\s\S]*invoked_via_function_url = true/],
    ['the blocked runtime', /nodejs20\.x[\s\S]*2026-08-31/],
    ['the Host header', /Never forward `Host`[\s\S]*403/],
    ['compression', /compress = true[\s\S]*502/],
    ['the seven methods', /no POST-only/],
  ])('explains the pitfall: %s', (_name, pattern) => {
    expect(readme).toMatch(pattern);
  });

  it('explains deploying: build the server, terraform init and apply, then the endpoint variables', () => {
    const deploy = readme.slice(readme.indexOf('## Deploy'), readme.indexOf('## Inputs'));
    expect(deploy).toMatch(/turbo run build --filter=@chatbot\/server/);
    expect(deploy).toContain('server/dist/lambda');
    expect(deploy).toContain('server/dist/layer');
    expect(deploy.indexOf('terraform init')).toBeGreaterThan(deploy.indexOf('turbo run build'));
    expect(deploy.indexOf('terraform apply')).toBeGreaterThan(deploy.indexOf('terraform init'));
    expect(deploy).toContain('chatbot_endpoint');
    expect(deploy).toContain('VITE_CHATBOT_ENDPOINT');
    expect(deploy).toContain('NEXT_PUBLIC_CHATBOT_API_ENDPOINT');
  });
});

describe('the README table check', () => {
  it('marks variables without a default as required and shows the others as JSON', () => {
    const rows = inputsTableRows(config);
    const row = (name: string) => rows.find((cells) => cells[0] === `\`${name}\``)?.slice(0, 3);
    expect(row('bedrock_model_id')).toEqual(['`bedrock_model_id`', '`string`', 'required']);
    expect(row('lambda_runtime')).toEqual(['`lambda_runtime`', '`string`', '`"nodejs24.x"`']);
    expect(row('web_acl_id')).toEqual(['`web_acl_id`', '`string`', '`null`']);
    expect(row('tags')).toEqual(['`tags`', '`map(string)`', '`{}`']);
    expect(rows).toHaveLength(Object.keys(config.variables).length + 1);
  });

  it('reads padded and unpadded tables alike', () => {
    const rows = [
      ['Name', 'Description'],
      ['`a`', 'first'],
    ];
    expect(parseTable(renderTable(rows))).toEqual(rows);
    expect(
      parseTable('| Name   | Description |\n| :----- | ----------- |\n| `a`    | first       |'),
    ).toEqual(rows);
  });

  it('finds a drifted default in an edited README', () => {
    const drifted = readme.replace(/(\|\s*`timeout`\s*\|\s*`number`\s*\|\s*)`300`/, '$1`900`');
    expect(drifted).not.toBe(readme);
    expect(parseTable(markedSection(drifted, 'inputs') ?? '')).not.toEqual(inputsTableRows(config));
  });
});
