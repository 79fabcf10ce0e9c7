import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';

/** A block body as @cdktf/hcl2json returns it: attributes as values, nested blocks as arrays. */
export type Body = Record<string, unknown>;

/** One labelled block (resource, data, variable, ...), with the file it came from. */
export interface LabelledBlock {
  file: string;
  body: Body;
}

/** The blocks of one Terraform module directory, merged across its .tf files. */
export interface TerraformConfig {
  dir: string;
  files: Record<string, Body>;
  resources: Record<string, Record<string, LabelledBlock>>;
  data: Record<string, Record<string, LabelledBlock>>;
  variables: Record<string, LabelledBlock>;
  outputs: Record<string, LabelledBlock>;
  modules: Record<string, LabelledBlock>;
  locals: Record<string, { file: string; value: unknown }>;
  terraformBlocks: LabelledBlock[];
}

export const MODULE_DIR = resolve(import.meta.dirname, '..');
export const EXAMPLE_DIR = join(MODULE_DIR, 'examples', 'complete');

/** Every directory holding .tf files under the module root, skipping caches and builds. */
export function terraformDirectories(root: string = MODULE_DIR): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && entry.name.endsWith('.tf'))) found.push(dir);
    for (const entry of entries) {
      if (
        entry.isDirectory() &&
        !['node_modules', '.terraform', '.build', 'test'].includes(entry.name)
      ) {
        visit(join(dir, entry.name));
      }
    }
  };
  visit(root);
  return found.sort();
}

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single body of a block, which hcl2json wraps in a one-element array. */
export function onlyBody(value: unknown, where: string): Body {
  if (!Array.isArray(value) || value.length !== 1 || !isBody(value[0])) {
    throw new Error(`${where}: expected exactly one block`);
  }
  return value[0];
}

export async function parseTerraformFile(file: string, contents: string): Promise<Body> {
  return parse(file, contents);
}

function collectTwoLabels(
  target: Record<string, Record<string, LabelledBlock>>,
  section: unknown,
  file: string,
  kind: string,
): void {
  if (!isBody(section)) return;
  for (const [type, byName] of Object.entries(section)) {
    if (!isBody(byName)) continue;
    for (const [name, blocks] of Object.entries(byName)) {
      target[type] ??= {};
      if (target[type][name]) throw new Error(`${file}: duplicate ${kind} ${type}.${name}`);
      target[type][name] = { file, body: onlyBody(blocks, `${file}: ${kind} ${type}.${name}`) };
    }
  }
}

function collectOneLabel(
  target: Record<string, LabelledBlock>,
  section: unknown,
  file: string,
  kind: string,
): void {
  if (!isBody(section)) return;
  for (const [name, blocks] of Object.entries(section)) {
    if (target[name]) throw new Error(`${file}: duplicate ${kind} ${name}`);
    target[name] = { file, body: onlyBody(blocks, `${file}: ${kind} ${name}`) };
  }
}

/** Parses every .tf file of one directory (not recursive) and merges them like Terraform does. */
export async function loadTerraformConfig(dir: string): Promise<TerraformConfig> {
  const config: TerraformConfig = {
    dir,
    files: {},
    resources: {},
    data: {},
    variables: {},
    outputs: {},
    modules: {},
    locals: {},
    terraformBlocks: [],
  };
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .sort();
  for (const name of names) {
    const file = relative(MODULE_DIR, join(dir, name));
    const parsed = await parseTerraformFile(file, readFileSync(join(dir, name), 'utf8'));
    config.files[file] = parsed;
    collectTwoLabels(config.resources, parsed.resource, file, 'resource');
    collectTwoLabels(config.data, parsed.data, file, 'data');
    collectOneLabel(config.variables, parsed.variable, file, 'variable');
    collectOneLabel(config.outputs, parsed.output, file, 'output');
    collectOneLabel(config.modules, parsed.module, file, 'module');
    for (const block of (parsed.locals as Body[] | undefined) ?? []) {
      for (const [name, value] of Object.entries(block)) {
        if (config.locals[name]) throw new Error(`${file}: duplicate local ${name}`);
        config.locals[name] = { file, value };
      }
    }
    for (const block of (parsed.terraform as Body[] | undefined) ?? []) {
      config.terraformBlocks.push({ file, body: block });
    }
  }
  return config;
}

export function resource(config: TerraformConfig, type: string, name: string): Body {
  const found = config.resources[type]?.[name];
  if (!found) throw new Error(`${config.dir}: no resource ${type}.${name}`);
  return found.body;
}

export function dataSource(config: TerraformConfig, type: string, name: string): Body {
  const found = config.data[type]?.[name];
  if (!found) throw new Error(`${config.dir}: no data ${type}.${name}`);
  return found.body;
}

/** Every string anywhere inside a parsed value (attribute values, list items, map values). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isBody(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** How hcl2json writes an expression attribute: `ref('var.x')` is the text `${var.x}`. */
export function ref(expression: string): string {
  return `\${${expression}}`;
}
