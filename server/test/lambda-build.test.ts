import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// Reads the output of `npm run build` (turbo builds before it tests).
const dist = join(import.meta.dirname, '..', 'dist');
const entry = join(dist, 'lambda', 'index.mjs');
const layerModules = join(dist, 'layer', 'nodejs', 'node_modules');

function bareImports(source: string): string[] {
  const specifiers = new Set<string>();
  for (const match of source.matchAll(
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
  )) {
    specifiers.add((match[1] ?? match[2])!);
  }
  return [...specifiers].sort();
}

test('the Lambda function code is one file that imports only the layer and Node built-ins', () => {
  expect(readdirSync(join(dist, 'lambda')).filter((file) => !file.endsWith('.map'))).toEqual([
    'index.mjs',
  ]);
  const imports = bareImports(readFileSync(entry, 'utf8'));
  const packages = imports.filter(
    (specifier) =>
      !/^(node:)?(stream|stream\/promises|crypto|http|http2|buffer|util|events|url)$/.test(
        specifier,
      ),
  );
  expect(packages).toEqual(['@aws-sdk/client-bedrock-runtime', 'jose']);
});

test('the Lambda build contains no local stack and no dev dependency', () => {
  const source = readFileSync(entry, 'utf8');
  for (const marker of [
    'startBedrockEmulator',
    'startFunctionUrlEmulator',
    'verifySigV4',
    'installAwsLambdaGlobal',
    '@smithy/signature-v4',
    '@smithy/eventstream-codec',
    'cognito-local',
    'src/local/',
  ]) {
    expect(source, marker).not.toContain(marker);
  }
  expect(source).toContain('export {\n  handler\n}');
});

test('the layer holds the runtime dependencies and they load from it', () => {
  for (const name of [
    'jose',
    '@aws-sdk/client-bedrock-runtime',
    '@smithy/core',
    '@aws-sdk/credential-provider-node',
  ]) {
    expect(existsSync(join(layerModules, name, 'package.json')), name).toBe(true);
  }
  // Resolving from inside the layer proves the copied tree is complete enough to load.
  const require = createRequire(join(layerModules, 'index.js'));
  const bedrock = require('@aws-sdk/client-bedrock-runtime') as Record<string, unknown>;
  expect(typeof bedrock.ConverseStreamCommand).toBe('function');
  expect(require.resolve('@aws-sdk/client-bedrock-runtime').startsWith(layerModules)).toBe(true);
  // Node would fall back to the repository's node_modules for anything missing from the layer:
  // every AWS SDK file that loaded must come from the layer.
  const loaded = Object.keys(require.cache).filter((path) =>
    /[\\/](@aws-sdk|@smithy|@aws-crypto|@aws|tslib)[\\/]/.test(path),
  );
  expect(loaded.length).toBeGreaterThan(10);
  expect(loaded.filter((path) => !path.startsWith(layerModules))).toEqual([]);
  expect(existsSync(join(layerModules, '@chatbot'))).toBe(false);
  expect(existsSync(join(layerModules, 'cognito-local'))).toBe(false);
});
