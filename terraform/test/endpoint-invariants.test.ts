import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Body,
  dataSource,
  loadTerraformConfig,
  MODULE_DIR,
  onlyBody,
  parseTerraformFile,
  ref,
  resource,
  type TerraformConfig,
} from './terraform-config.js';

let config: TerraformConfig;

beforeAll(async () => {
  config = await loadTerraformConfig(MODULE_DIR);
});

/**
 * Every header name list that CloudFront would forward or key on: forwarded_values headers and
 * the headers_config of cache and origin request policies, in any resource of the config.
 */
function forwardedHeaderLists(parsed: Record<string, Body>): string[][] {
  const lists: string[][] = [];
  const isNameList = (value: unknown[]): value is string[] =>
    value.every((item) => typeof item === 'string');
  // `headers = [...]` in forwarded_values; `headers { items = [...] }` in a policy.
  const visit = (value: unknown, key: string, parentKey: string): void => {
    if (Array.isArray(value)) {
      if (
        (key === 'headers' || (key === 'items' && parentKey === 'headers')) &&
        isNameList(value)
      ) {
        lists.push(value);
      } else {
        for (const item of value) visit(item, key, parentKey);
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey, key);
    }
  };
  for (const file of Object.values(parsed)) visit(file.resource ?? {}, 'resource', '');
  return lists;
}

function forwardsAuthorization(parsed: Record<string, Body>): boolean {
  return forwardedHeaderLists(parsed).some((list) =>
    list.some((header) => header.toLowerCase() === 'authorization'),
  );
}

describe('the Function URL', () => {
  it('requires AWS_IAM (only the OAC-signed CloudFront request gets in) and streams', () => {
    const url = resource(config, 'aws_lambda_function_url', 'chatbot');
    expect(url.authorization_type).toBe('AWS_IAM');
    expect(url.invoke_mode).toBe('RESPONSE_STREAM');
    expect(url.function_name).toBe(ref('aws_lambda_function.chatbot.function_name'));
  });

  it('has no Function URL CORS of its own (the handler answers CORS from ALLOWED_ORIGINS)', () => {
    expect(resource(config, 'aws_lambda_function_url', 'chatbot').cors).toBeUndefined();
  });
});

describe('the origin access control', () => {
  it('signs every request to a Lambda origin with SigV4', () => {
    const oac = resource(config, 'aws_cloudfront_origin_access_control', 'function_url');
    expect(oac.origin_access_control_origin_type).toBe('lambda');
    expect(oac.signing_behavior).toBe('always');
    expect(oac.signing_protocol).toBe('sigv4');
  });
});

describe('the distribution', () => {
  let distribution: Body;
  let behavior: Body;

  beforeAll(() => {
    distribution = resource(config, 'aws_cloudfront_distribution', 'chatbot');
    behavior = onlyBody(distribution.default_cache_behavior, 'default_cache_behavior');
  });

  it('uses the Function URL host as its only origin, through the OAC, over HTTPS', () => {
    const origin = onlyBody(distribution.origin, 'origin');
    expect(origin.origin_access_control_id).toBe(
      ref('aws_cloudfront_origin_access_control.function_url.id'),
    );
    expect(origin.domain_name).toBe(ref('local.function_url_host'));
    expect(config.locals.function_url_host?.value).toContain(
      'aws_lambda_function_url.chatbot.function_url',
    );
    expect(origin.origin_id).toBe(behavior.target_origin_id);
    const custom = onlyBody(origin.custom_origin_config, 'custom_origin_config');
    expect(custom.origin_protocol_policy).toBe('https-only');
    expect(custom.origin_read_timeout).toBe(ref('var.origin_read_timeout'));
    expect(custom.origin_keepalive_timeout).toBe(ref('var.origin_keepalive_timeout'));
  });

  it('allows all seven methods (CloudFront has no POST-only set) and caches only GET and HEAD', () => {
    expect([...(behavior.allowed_methods as string[])].sort()).toEqual(
      ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].sort(),
    );
    expect([...(behavior.cached_methods as string[])].sort()).toEqual(['GET', 'HEAD']);
  });

  it('does not compress (a compressed stream is buffered and answers 502)', () => {
    expect(behavior.compress).toBe(false);
  });

  it('serves viewers over HTTPS only (a redirect would drop the POST body)', () => {
    expect(behavior.viewer_protocol_policy).toBe('https-only');
  });

  it('uses the managed CachingDisabled and AllViewerExceptHostHeader policies, looked up by name', () => {
    expect(behavior.cache_policy_id).toBe(
      ref('data.aws_cloudfront_cache_policy.caching_disabled.id'),
    );
    expect(behavior.origin_request_policy_id).toBe(
      ref('data.aws_cloudfront_origin_request_policy.all_viewer_except_host_header.id'),
    );
    expect(dataSource(config, 'aws_cloudfront_cache_policy', 'caching_disabled').name).toBe(
      'Managed-CachingDisabled',
    );
    expect(
      dataSource(config, 'aws_cloudfront_origin_request_policy', 'all_viewer_except_host_header')
        .name,
    ).toBe('Managed-AllViewerExceptHostHeader');
    // Legacy forwarded_values would replace the policies (and could forward Host).
    expect(behavior.forwarded_values).toBeUndefined();
  });

  it('takes the price class and the optional web ACL from variables', () => {
    expect(distribution.price_class).toBe(ref('var.price_class'));
    expect(distribution.web_acl_id).toBe(ref('var.web_acl_id'));
  });

  it('forwards Authorization in no header list of any resource', () => {
    expect(forwardedHeaderLists(config.files).flat()).not.toContainEqual(
      expect.stringMatching(/^authorization$/i),
    );
    expect(forwardsAuthorization(config.files)).toBe(false);
  });
});

describe('the forwarded-header check itself', () => {
  it('finds Authorization in forwarded_values and in an origin request policy header list', async () => {
    const withForwardedValues = await parseTerraformFile(
      'a.tf',
      `resource "aws_cloudfront_distribution" "d" {
  default_cache_behavior {
    forwarded_values {
      query_string = false
      headers      = ["Origin", "authorization"]
    }
  }
}`,
    );
    const withPolicy = await parseTerraformFile(
      'b.tf',
      `resource "aws_cloudfront_origin_request_policy" "p" {
  name = "p"
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["Authorization"]
    }
  }
}`,
    );
    expect(forwardsAuthorization({ 'a.tf': withForwardedValues })).toBe(true);
    expect(forwardsAuthorization({ 'b.tf': withPolicy })).toBe(true);
    expect(forwardsAuthorization({ 'c.tf': await parseTerraformFile('c.tf', 'locals {}') })).toBe(
      false,
    );
  });
});

describe('the Lambda permissions for CloudFront', () => {
  const expectCloudFrontOnly = (permission: Body) => {
    expect(permission.principal).toBe('cloudfront.amazonaws.com');
    expect(permission.source_arn).toBe(ref('aws_cloudfront_distribution.chatbot.arn'));
    expect(permission.function_name).toBe(ref('aws_lambda_function.chatbot.function_name'));
  };

  it('allow lambda:InvokeFunctionUrl for AWS_IAM URLs', () => {
    const permission = resource(config, 'aws_lambda_permission', 'cloudfront_invoke_function_url');
    expect(permission.action).toBe('lambda:InvokeFunctionUrl');
    expect(permission.function_url_auth_type).toBe('AWS_IAM');
    expectCloudFrontOnly(permission);
  });

  it('allow lambda:InvokeFunction only via the Function URL (required since October 2025)', () => {
    const permission = resource(config, 'aws_lambda_permission', 'cloudfront_invoke_function');
    expect(permission.action).toBe('lambda:InvokeFunction');
    expect(permission.invoked_via_function_url).toBe(true);
    expectCloudFrontOnly(permission);
  });

  it('are the only two permissions (no public or wildcard principal)', () => {
    expect(Object.keys(config.resources.aws_lambda_permission ?? {}).sort()).toEqual([
      'cloudfront_invoke_function',
      'cloudfront_invoke_function_url',
    ]);
  });
});

describe('the function', () => {
  let fn: Body;

  beforeAll(() => {
    fn = resource(config, 'aws_lambda_function', 'chatbot');
  });

  it('runs the chosen runtime and handler with the dependencies layer built for the same runtime', () => {
    expect(fn.runtime).toBe(ref('var.lambda_runtime'));
    expect(fn.handler).toBe(ref('var.lambda_handler'));
    expect(fn.layers).toEqual([ref('aws_lambda_layer_version.dependencies.arn')]);
    const layer = resource(config, 'aws_lambda_layer_version', 'dependencies');
    expect(layer.compatible_runtimes).toEqual([ref('var.lambda_runtime')]);
    expect(layer.compatible_architectures).toEqual(fn.architectures);
  });

  it('is zipped from the server build output by default', () => {
    expect(config.locals.function_source_dir?.value).toBe(
      ref(`coalesce(var.function_source_dir, "${ref('path.module')}/../server/dist/lambda")`),
    );
    expect(config.locals.layer_source_dir?.value).toBe(
      ref(`coalesce(var.layer_source_dir, "${ref('path.module')}/../server/dist/layer")`),
    );
    expect(dataSource(config, 'archive_file', 'function').source_dir).toBe(
      ref('local.function_source_dir'),
    );
    expect(dataSource(config, 'archive_file', 'layer').source_dir).toBe(
      ref('local.layer_source_dir'),
    );
    expect(fn.filename).toBe(ref('data.archive_file.function.output_path'));
    expect(fn.source_code_hash).toBe(ref('data.archive_file.function.output_base64sha256'));
  });

  it('takes memory, timeout and reserved concurrency from variables', () => {
    expect(fn.memory_size).toBe(ref('var.memory_size'));
    expect(fn.timeout).toBe(ref('var.timeout'));
    expect(fn.reserved_concurrent_executions).toBe(ref('var.reserved_concurrency'));
  });

  it('logs to a group with retention that exists before the function', () => {
    const group = resource(config, 'aws_cloudwatch_log_group', 'function');
    expect(group.name).toBe(`/aws/lambda/${ref('local.function_name')}`);
    expect(fn.function_name).toBe(ref('local.function_name'));
    expect(group.retention_in_days).toBe(ref('var.log_retention_days'));
    expect(fn.depends_on).toContain(ref('aws_cloudwatch_log_group.function'));
  });

  it('uses the execution role with AWSLambdaBasicExecutionRole attached', () => {
    expect(fn.role).toBe(ref('aws_iam_role.function.arn'));
    const attachment = resource(config, 'aws_iam_role_policy_attachment', 'basic_execution');
    expect(attachment.policy_arn).toMatch(
      /:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole$/,
    );
  });
});

describe('the module', () => {
  it('requires Terraform >= 1.5.7, the AWS provider >= 6.29 (invoked_via_function_url) and archive', () => {
    const block = config.terraformBlocks.find((b) => b.body.required_providers)!.body;
    expect(block.required_version).toBe('>= 1.5.7');
    const providers = onlyBody(block.required_providers, 'required_providers') as Record<
      string,
      Body
    >;
    expect(providers.aws).toEqual({ source: 'hashicorp/aws', version: '>= 6.29' });
    expect(providers.archive?.source).toBe('hashicorp/archive');
  });

  it('declares no provider and no backend (the caller owns both)', () => {
    for (const parsed of Object.values(config.files)) {
      expect(parsed.provider).toBeUndefined();
      for (const block of (parsed.terraform as Body[] | undefined) ?? [])
        expect(block.backend).toBeUndefined();
    }
  });

  it('has the outputs the issue asks for, with the endpoint as https://<distribution domain>/', () => {
    expect(Object.keys(config.outputs)).toEqual(
      expect.arrayContaining([
        'chatbot_endpoint',
        'cloudfront_domain_name',
        'cloudfront_distribution_id',
        'function_name',
        'function_url',
      ]),
    );
    expect(config.outputs.chatbot_endpoint?.body.value).toBe(
      `https://${ref('aws_cloudfront_distribution.chatbot.domain_name')}/`,
    );
    expect(String(config.outputs.function_url?.body.description)).toContain('403');
  });
});
