import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Body } from './terraform-config.js';

/** Argument and nested-block names of one resource or data source (or one nested block). */
export interface BlockSchema {
  arguments: string[];
  blocks: Record<string, BlockSchema>;
}

export interface ProviderArgumentNames {
  resource: Record<string, BlockSchema>;
  data: Record<string, BlockSchema>;
  meta: string[];
}

/**
 * Names read from the provider documentation (the provider binary cannot be downloaded where
 * this kit is built). A copy lives in the repository so a clean clone tests the same way;
 * refresh it when the AWS provider version in versions.tf moves.
 */
export const PROVIDER_ARGUMENTS_FILE = resolve(
  import.meta.dirname,
  'provider-schema/aws-provider-arguments.json',
);

/**
 * Written by us from the hashicorp/archive and Terraform built-in documentation, used only
 * when the shared file lacks these types (it lists both today).
 */
const FALLBACK_DATA: Record<string, BlockSchema> = {
  archive_file: {
    arguments: [
      'type',
      'source_dir',
      'source_file',
      'source_content',
      'source_content_filename',
      'output_path',
      'output_file_mode',
      'excludes',
      'exclude_symlink_directories',
    ],
    blocks: { source: { arguments: ['content', 'filename'], blocks: {} } },
  },
  terraform_remote_state: {
    arguments: ['backend', 'config', 'defaults', 'workspace'],
    blocks: {},
  },
};

export function loadProviderArgumentNames(file: string = PROVIDER_ARGUMENTS_FILE): {
  names: ProviderArgumentNames;
  fallbackDataUsed: string[];
} {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    resource: Record<string, BlockSchema>;
    data: Record<string, BlockSchema>;
    _meta: string[];
  };
  const fallbackDataUsed = Object.keys(FALLBACK_DATA).filter((type) => !raw.data[type]);
  const data = { ...raw.data };
  for (const type of fallbackDataUsed) data[type] = FALLBACK_DATA[type]!;
  return { names: { resource: raw.resource, data, meta: raw._meta }, fallbackDataUsed };
}

function checkBody(body: Body, schema: BlockSchema, where: string, problems: string[]): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === 'dynamic') {
      checkDynamicBlocks(value, schema, where, problems);
    } else if (schema.arguments.includes(key)) {
      // An argument: its value is free-form.
    } else if (schema.blocks[key]) {
      if (!Array.isArray(value)) {
        problems.push(`${where}.${key}: is a block, written as an argument`);
        continue;
      }
      for (const nested of value)
        checkBody(nested as Body, schema.blocks[key], `${where}.${key}`, problems);
    } else {
      problems.push(`${where}.${key}: unknown argument or block`);
    }
  }
}

function checkDynamicBlocks(
  value: unknown,
  schema: BlockSchema,
  where: string,
  problems: string[],
): void {
  for (const [name, generators] of Object.entries(value as Record<string, Body[]>)) {
    const nestedSchema = schema.blocks[name];
    if (!nestedSchema) {
      problems.push(`${where}.dynamic "${name}": unknown block`);
      continue;
    }
    for (const generator of generators) {
      for (const content of (generator.content as Body[] | undefined) ?? []) {
        checkBody(content, nestedSchema, `${where}.${name}`, problems);
      }
    }
  }
}

/**
 * Checks every resource and data block of one parsed .tf file against the documented names.
 * Returns one line per unknown type, argument or block; empty when all names are known.
 */
export function findUnknownArgumentNames(
  parsed: Body,
  names: ProviderArgumentNames,
  file: string,
): string[] {
  const problems: string[] = [];
  for (const kind of ['resource', 'data'] as const) {
    const section = (parsed[kind] ?? {}) as Record<string, Record<string, Body[]>>;
    for (const [type, byName] of Object.entries(section)) {
      const schema = names[kind][type];
      for (const [name, bodies] of Object.entries(byName)) {
        const where = `${file}: ${kind === 'data' ? 'data.' : ''}${type}.${name}`;
        if (!schema) {
          problems.push(`${where}: type ${type} is not in the provider argument list`);
          continue;
        }
        for (const body of bodies) {
          const withoutMeta = Object.fromEntries(
            Object.entries(body).filter(([key]) => !names.meta.includes(key)),
          );
          checkBody(withoutMeta, schema, where, problems);
        }
      }
    }
  }
  return problems;
}
