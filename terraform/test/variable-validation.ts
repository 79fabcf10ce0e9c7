import { compileValue } from './hcl-expression-evaluator.js';
import type { Body, TerraformConfig } from './terraform-config.js';

export function validationBlocks(config: TerraformConfig, name: string): Body[] {
  return (config.variables[name]?.body.validation as Body[] | undefined) ?? [];
}

/**
 * What Terraform would decide for `name = value`: true when every validation block accepts it.
 * Throws when a condition does not evaluate to a bool.
 */
export async function passesValidation(
  config: TerraformConfig,
  name: string,
  value: unknown,
): Promise<boolean> {
  const results = await Promise.all(
    validationBlocks(config, name).map(async (block) => {
      const condition = await compileValue(block.condition, config.variables[name]!.file);
      // The scope holds only this variable: Terraform < 1.9 allows nothing else in a condition.
      return condition({ var: { [name]: value } });
    }),
  );
  for (const result of results) {
    if (typeof result !== 'boolean')
      throw new Error(`${name}: condition gave ${String(result)}, not a bool`);
  }
  return results.every((result) => result === true);
}
