import { describe, expect, it } from 'vitest';
import { findUnknownArgumentNames, loadProviderArgumentNames } from './provider-argument-names.js';
import {
  loadTerraformConfig,
  parseTerraformFile,
  terraformDirectories,
} from './terraform-config.js';

const { names, fallbackDataUsed } = loadProviderArgumentNames();
const directories = terraformDirectories();

describe('argument and block names', () => {
  it('finds the module root and examples/complete', () => {
    expect(directories.map((dir) => dir.replace(/.*\/terraform/, 'terraform'))).toEqual([
      'terraform',
      'terraform/examples/complete',
    ]);
  });

  it.each(directories)('are all documented provider names in %s', async (dir) => {
    const config = await loadTerraformConfig(dir);
    expect(Object.keys(config.files).length).toBeGreaterThan(0);
    const problems = Object.entries(config.files).flatMap(([file, parsed]) =>
      findUnknownArgumentNames(parsed, names, file),
    );
    expect(problems).toEqual([]);
  });

  it('says which types come from our own fallback list rather than the shared file', () => {
    // Today the shared file lists archive_file and terraform_remote_state itself.
    if (fallbackDataUsed.length > 0)
      console.warn(`Checked against our own list: ${fallbackDataUsed.join(', ')}`);
    expect(
      fallbackDataUsed.every((type) => ['archive_file', 'terraform_remote_state'].includes(type)),
    ).toBe(true);
  });
});

describe('the argument-name checker itself', () => {
  const correct = `
resource "aws_lambda_function_url" "typo" {
  function_name      = "f"
  authorization_type = "AWS_IAM"
}

resource "aws_cloudfront_distribution" "typo" {
  enabled = true
  default_cache_behavior {
    compress = false
  }
  origin {
    custom_origin_config {
      origin_read_timeout = 60
    }
  }
}

data "aws_cloudfront_cache_policy" "typo" {
  name = "Managed-CachingDisabled"
}
`;

  it('accepts the snippet spelled correctly', async () => {
    const parsed = await parseTerraformFile('typo.tf', correct);
    expect(findUnknownArgumentNames(parsed, names, 'typo.tf')).toEqual([]);
  });

  it('rejects a misspelled argument, a misspelled nested block and an unknown type', async () => {
    const misspelled = correct
      .replace('authorization_type', 'authorisation_type')
      .replace('default_cache_behavior', 'default_cache_behaviour')
      .replace('origin_read_timeout', 'origin_read_timout')
      .replace('data "aws_cloudfront_cache_policy"', 'data "aws_cloudfront_cache_polcy"');
    const parsed = await parseTerraformFile('typo.tf', misspelled);
    expect(findUnknownArgumentNames(parsed, names, 'typo.tf')).toEqual([
      'typo.tf: aws_cloudfront_distribution.typo.default_cache_behaviour: unknown argument or block',
      'typo.tf: aws_cloudfront_distribution.typo.origin.custom_origin_config.origin_read_timout: unknown argument or block',
      'typo.tf: aws_lambda_function_url.typo.authorisation_type: unknown argument or block',
      'typo.tf: data.aws_cloudfront_cache_polcy.typo: type aws_cloudfront_cache_polcy is not in the provider argument list',
    ]);
  });

  it('rejects a block written as an argument', async () => {
    const parsed = await parseTerraformFile(
      'shape.tf',
      'resource "aws_lambda_function" "shape" {\n  environment = { variables = {} }\n}\n',
    );
    expect(findUnknownArgumentNames(parsed, names, 'shape.tf')).toEqual([
      'shape.tf: aws_lambda_function.shape.environment: is a block, written as an argument',
    ]);
  });

  it('rejects a misspelled block inside a dynamic block, and accepts meta-arguments', async () => {
    const snippet = `
resource "aws_lambda_function" "dyn" {
  count = 1
  depends_on = []
  dynamic "vpc_confg" {
    for_each = []
    content {
      subnet_ids = []
    }
  }
  lifecycle {
    ignore_changes = [tags]
  }
}
`;
    const parsed = await parseTerraformFile('dyn.tf', snippet);
    expect(findUnknownArgumentNames(parsed, names, 'dyn.tf')).toEqual([
      'dyn.tf: aws_lambda_function.dyn.dynamic "vpc_confg": unknown block',
    ]);
  });
});
