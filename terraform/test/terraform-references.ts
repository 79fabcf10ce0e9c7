import { stringsIn, type TerraformConfig } from './terraform-config.js';

/** What one module directory refers to, gathered from every expression in its files. */
export interface References {
  variables: Set<string>;
  locals: Set<string>;
  resources: Set<string>;
  data: Set<string>;
  modules: Set<string>;
}

// Names are preceded by neither a word character nor a dot, so `data.aws_region.current`
// is not also read as the resource `aws_region.current`.
const VARIABLE = /(?<![\w.-])var\.([A-Za-z_][\w-]*)/g;
const LOCAL = /(?<![\w.-])local\.([A-Za-z_][\w-]*)/g;
const DATA = /(?<![\w.-])data\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/g;
const MODULE = /(?<![\w.-])module\.([A-Za-z_][\w-]*)/g;
const RESOURCE = /(?<![\w.-])((?:aws|archive)_[\w]+)\.([A-Za-z_][\w-]*)/g;

export function findReferences(config: TerraformConfig): References {
  const found: References = {
    variables: new Set(),
    locals: new Set(),
    resources: new Set(),
    data: new Set(),
    modules: new Set(),
  };
  for (const parsed of Object.values(config.files)) {
    // A variable's own validation does not count as a use of it.
    const { variable: _declarations, ...rest } = parsed;
    // Whole strings are scanned: literal text here never looks like a reference.
    for (const expression of stringsIn(rest)) {
      for (const match of expression.matchAll(VARIABLE)) found.variables.add(match[1]!);
      for (const match of expression.matchAll(LOCAL)) found.locals.add(match[1]!);
      for (const match of expression.matchAll(DATA)) found.data.add(`${match[1]}.${match[2]}`);
      for (const match of expression.matchAll(MODULE)) found.modules.add(match[1]!);
      for (const match of expression.matchAll(RESOURCE))
        found.resources.add(`${match[1]}.${match[2]}`);
    }
  }
  return found;
}

export function declaredNames(config: TerraformConfig): References {
  const twoLabels = (section: TerraformConfig['resources']) =>
    new Set(
      Object.entries(section).flatMap(([type, byName]) =>
        Object.keys(byName).map((name) => `${type}.${name}`),
      ),
    );
  return {
    variables: new Set(Object.keys(config.variables)),
    locals: new Set(Object.keys(config.locals)),
    resources: twoLabels(config.resources),
    data: twoLabels(config.data),
    modules: new Set(Object.keys(config.modules)),
  };
}
