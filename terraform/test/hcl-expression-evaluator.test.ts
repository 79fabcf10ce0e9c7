import { describe, expect, it } from 'vitest';
import { compileLocals, compileValue, EvaluationError } from './hcl-expression-evaluator.js';
import { ref } from './terraform-config.js';

const run = async (expression: string, scope: Record<string, unknown> = {}) =>
  (await compileValue(ref(expression)))(scope);

describe('the test-side HCL evaluator', () => {
  it('evaluates the functions and operators the module uses', async () => {
    expect(await run('contains(["a", "b"], var.x)', { var: { x: 'b' } })).toBe(true);
    expect(await run('contains([1, 3], var.x)', { var: { x: 2 } })).toBe(false);
    expect(await run('can(regex("^[a-z]+$", var.x))', { var: { x: 'Abc' } })).toBe(false);
    expect(await run('var.n >= 1 && var.n <= 9', { var: { n: 10 } })).toBe(false);
    expect(await run('var.n == null ? true : var.n >= 0', { var: { n: null } })).toBe(true);
    expect(await run('split(".", var.id)[0]', { var: { id: 'eu.model.v1' } })).toBe('eu');
    expect(await run('trimprefix(var.id, "eu.")', { var: { id: 'eu.model.v1' } })).toBe('model.v1');
    expect(
      await run('alltrue([for o in var.l : length(o) > 1])', { var: { l: ['ab', 'c'] } }),
    ).toBe(false);
    expect(await run('concat(["a"], var.l ? ["b"] : [])', { var: { l: true } })).toEqual([
      'a',
      'b',
    ]);
    expect(await run('join(",", var.l)', { var: { l: ['x', 'y'] } })).toBe('x,y');
    expect(await run('!(var.b)', { var: { b: false } })).toBe(true);
  });

  it('keeps the type of a lone interpolation and joins a template into a string', async () => {
    expect(await run('var.l', { var: { l: [1] } })).toEqual([1]);
    expect(
      (await compileValue(`a-${ref('var.x')}-${ref('var.y')}`))({ var: { x: 'b', y: 3 } }),
    ).toBe('a-b-3');
  });

  it('evaluates both sides of || like the Terraform versions the module supports', async () => {
    await expect(run('var.n == null || var.n >= 0', { var: { n: null } })).rejects.toThrow(
      EvaluationError,
    );
  });

  it('refuses names outside the scope and functions it does not know', async () => {
    await expect(run('var.other', { var: { x: 1 } })).rejects.toThrow(/no attribute other/);
    await expect(run('local.x', { var: {} })).rejects.toThrow(/unknown name/);
    await expect(run('upper(var.x)', { var: { x: 'a' } })).rejects.toThrow(
      /unsupported function upper/,
    );
  });

  it('resolves locals that refer to each other, in any order', async () => {
    const locals = await compileLocals({
      b: { file: 'a.tf', value: `${ref('local.a')}-b` },
      a: { file: 'a.tf', value: ref('var.x') },
    });
    const scope = { var: { x: 'x' } };
    expect(locals(scope).b).toBe('x-b');
  });
});
