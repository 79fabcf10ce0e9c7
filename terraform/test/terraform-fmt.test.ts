import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MODULE_DIR } from './terraform-config.js';

// The machine's environment may point TF_CLI_CONFIG_FILE at a missing file; fmt needs no config.
const terraformEnvironment = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' };
const terraformOnPath =
  spawnSync('terraform', ['version'], { env: terraformEnvironment, encoding: 'utf8' }).status === 0;
const NOT_ON_PATH = 'terraform is not on PATH: `terraform fmt -check -recursive` was NOT run.';

if (!terraformOnPath) console.warn(NOT_ON_PATH);

describe('terraform fmt', () => {
  // One test either way, titled for what happened, so a machine without terraform shows it in
  // the test summary instead of passing silently.
  it(
    terraformOnPath
      ? 'finds every .tf file formatted (terraform fmt -check -recursive)'
      : 'WARNING: terraform not on PATH, formatting not checked',
    () => {
      if (!terraformOnPath) {
        expect(NOT_ON_PATH).toContain('NOT run');
        return;
      }
      const result = spawnSync('terraform', ['fmt', '-check', '-recursive', '-diff', '.'], {
        cwd: MODULE_DIR,
        env: terraformEnvironment,
        encoding: 'utf8',
      });
      expect(result.stdout + result.stderr, 'run `terraform fmt -recursive` in terraform/').toBe(
        '',
      );
      expect(result.status).toBe(0);
    },
  );
});
