// Builds dist/layer/nodejs/node_modules: the Lambda entry's runtime dependencies, copied from
// the installed node_modules (no network), keeping the nesting npm chose so every package
// still resolves the versions it was installed with. Terraform zips dist/layer as the layer.
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What dist/lambda/index.mjs imports and does not bundle (tsup.config.ts `external`). */
export const LAYER_PACKAGES = ['jose', '@aws-sdk/client-bedrock-runtime'];

const serverDir = dirname(dirname(fileURLToPath(import.meta.url)));
const layerModules = join(serverDir, 'dist', 'layer', 'nodejs', 'node_modules');
const SKIPPED = /(^|[\\/])(dist-types|node_modules)$|\.d\.[cm]?ts$|\.map$|\.md$/;

function findPackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Where a package found at `source` goes in the layer: the path after the first node_modules. */
function layerPath(source) {
  const marker = `${sep}node_modules${sep}`;
  const at = source.indexOf(marker);
  if (at === -1) throw new Error(`${source} is not inside a node_modules folder.`);
  return join(layerModules, source.slice(at + marker.length));
}

const copied = new Map();

function copyPackage(name, fromDir, wantedBy) {
  const source = findPackage(name, fromDir);
  if (source === undefined)
    throw new Error(`${name} (needed by ${wantedBy}) is not installed; run npm install.`);
  if (copied.has(source)) return;
  const target = layerPath(source);
  copied.set(source, target);
  mkdirSync(target, { recursive: true });
  cpSync(source, target, {
    recursive: true,
    filter: (path) => path === source || !SKIPPED.test(relative(source, path)),
  });
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const deps = { ...manifest.dependencies, ...manifest.optionalDependencies };
  for (const dep of Object.keys(deps)) {
    if (manifest.optionalDependencies?.[dep] && findPackage(dep, source) === undefined) continue;
    copyPackage(dep, source, manifest.name);
  }
}

rmSync(join(serverDir, 'dist', 'layer'), { recursive: true, force: true });
for (const name of LAYER_PACKAGES) copyPackage(name, serverDir, '@chatbot/server');
console.log(`layer: ${copied.size} packages in ${relative(serverDir, layerModules)}`);
