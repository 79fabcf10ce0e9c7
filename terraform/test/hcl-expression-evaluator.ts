import { getExpressionAst, type TFExpressionSyntaxTree } from '@cdktf/hcl2json';

/**
 * A small evaluator for the Terraform expressions this module writes (validation conditions and
 * the locals that build IAM ARNs), so tests can run them on sample inputs instead of matching
 * their text. It knows only the functions and operators listed below; anything else throws,
 * which makes a test fail rather than pass by accident.
 */

type Ast = TFExpressionSyntaxTree.ExpressionType;
type TraversalPart = TFExpressionSyntaxTree.TerraformTraversalPart;

/** Names visible to an expression: `var`, `local`, `data`, and for-expression symbols. */
export type Scope = Record<string, unknown>;

export type Evaluate = (scope: Scope) => unknown;

export class EvaluationError extends Error {}

const FUNCTIONS: Record<string, (args: Evaluate[], scope: Scope) => unknown> = {
  can: ([expression], scope) => {
    try {
      expression!(scope);
      return true;
    } catch (error) {
      if (error instanceof EvaluationError) return false;
      throw error;
    }
  },
  contains: (args, scope) => {
    const [list, value] = evaluateAll(args, scope);
    return asList(list, 'contains').some((item) => item === value);
  },
  alltrue: (args, scope) => asList(args[0]!(scope), 'alltrue').every((item) => item === true),
  length: (args, scope) => {
    const value = args[0]!(scope);
    if (typeof value === 'string') return [...value].length;
    if (Array.isArray(value)) return value.length;
    if (isMap(value)) return Object.keys(value).length;
    throw new EvaluationError(`length of ${typeof value}`);
  },
  regex: (args, scope) => {
    const [pattern, text] = evaluateAll(args, scope).map((value) => asString(value, 'regex'));
    const match = new RegExp(pattern!, 'u').exec(text!);
    if (!match) throw new EvaluationError(`regex ${pattern} does not match ${text}`);
    return match[0];
  },
  split: (args, scope) => {
    const [separator, text] = evaluateAll(args, scope).map((value) => asString(value, 'split'));
    return text!.split(separator!);
  },
  join: (args, scope) => {
    const [separator, list] = evaluateAll(args, scope);
    return asList(list, 'join')
      .map((item) => asString(item, 'join'))
      .join(asString(separator, 'join'));
  },
  trimprefix: (args, scope) => {
    const [text, prefix] = evaluateAll(args, scope).map((value) => asString(value, 'trimprefix'));
    return text!.startsWith(prefix!) ? text!.slice(prefix!.length) : text;
  },
  trimsuffix: (args, scope) => {
    const [text, suffix] = evaluateAll(args, scope).map((value) => asString(value, 'trimsuffix'));
    return suffix && text!.endsWith(suffix) ? text!.slice(0, -suffix.length) : text;
  },
  concat: (args, scope) => evaluateAll(args, scope).flatMap((list) => asList(list, 'concat')),
  coalesce: (args, scope) => {
    const found = evaluateAll(args, scope).find((value) => value !== null && value !== '');
    if (found === undefined) throw new EvaluationError('coalesce: no non-null argument');
    return found;
  },
};

function evaluateAll(args: Evaluate[], scope: Scope): unknown[] {
  return args.map((arg) => arg(scope));
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value))
    throw new EvaluationError(`${where}: expected a list, got ${String(value)}`);
  return value;
}

function asString(value: unknown, where: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string')
    throw new EvaluationError(`${where}: expected a string, got ${String(value)}`);
  return value;
}

function asNumber(value: unknown, where: string): number {
  if (typeof value !== 'number')
    throw new EvaluationError(`${where}: expected a number, got ${String(value)}`);
  return value;
}

function asBool(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean')
    throw new EvaluationError(`${where}: expected a bool, got ${String(value)}`);
  return value;
}

/** hcl2json hands string literals over with their escapes still in place. */
function unescapeLiteral(raw: string): string {
  return raw.replace(/\\(["\\nt])/g, (_, char: string) =>
    char === 'n' ? '\n' : char === 't' ? '\t' : char,
  );
}

function literal(node: Ast): unknown {
  const meta = node.meta as TFExpressionSyntaxTree.LiteralValueExpressionMeta;
  switch (meta.type) {
    case 'string':
      return unescapeLiteral(meta.value);
    case 'number':
      return Number(meta.value);
    case 'bool':
      return meta.value === 'true';
    default:
      if (meta.value === 'null') return null;
      throw new EvaluationError(`unsupported literal ${meta.value}`);
  }
}

function indexSegment(part: TraversalPart): string {
  return part.type === 'indexTraversal' ? part.segment.replace(/^"(.*)"$/, '$1') : part.segment;
}

function traverse(start: unknown, parts: TraversalPart[], accessor: string): unknown {
  let current = start;
  for (const part of parts) {
    const key = indexSegment(part);
    if (Array.isArray(current)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= current.length) {
        throw new EvaluationError(`${accessor}: index ${key} out of range`);
      }
      current = current[index];
    } else if (isMap(current) && key in current) {
      current = current[key];
    } else {
      throw new EvaluationError(`${accessor}: no attribute ${key}`);
    }
  }
  return current;
}

const COMPARISONS: Record<string, (left: number, right: number) => boolean> = {
  greaterThan: (left, right) => left > right,
  greaterThanOrEqual: (left, right) => left >= right,
  lessThan: (left, right) => left < right,
  lessThanOrEqual: (left, right) => left <= right,
};

function compileBinary(node: Ast): Evaluate {
  const operator = (node.meta as TFExpressionSyntaxTree.BinaryOpExpressionMeta).operator;
  const [left, right] = node.children.map(compileAst) as [Evaluate, Evaluate];
  const comparison = COMPARISONS[operator];
  if (comparison) {
    return (scope) => comparison(asNumber(left(scope), operator), asNumber(right(scope), operator));
  }
  switch (operator) {
    case 'equal':
      return (scope) => JSON.stringify(left(scope)) === JSON.stringify(right(scope));
    case 'notEqual':
      return (scope) => JSON.stringify(left(scope)) !== JSON.stringify(right(scope));
    // The older Terraform releases this module supports evaluate both sides of && and ||, so
    // an error on either side counts: `var.x == null || var.x >= 0` fails on null there.
    case 'logicalAnd':
      return (scope) => {
        const [a, b] = [asBool(left(scope), '&&'), asBool(right(scope), '&&')];
        return a && b;
      };
    case 'logicalOr':
      return (scope) => {
        const [a, b] = [asBool(left(scope), '||'), asBool(right(scope), '||')];
        return a || b;
      };
    default:
      throw new EvaluationError(`unsupported operator ${operator}`);
  }
}

function compileFor(node: Ast): Evaluate {
  const meta = node.meta as TFExpressionSyntaxTree.ForExpressionMeta;
  if (meta.keyExpression || meta.keyVar || meta.groupedValue) {
    throw new EvaluationError(`unsupported for expression ${meta.value}`);
  }
  const [collection, value, condition] = node.children.map(compileAst) as [
    Evaluate,
    Evaluate,
    Evaluate | undefined,
  ];
  return (scope) =>
    asList(collection(scope), 'for').flatMap((item) => {
      const inner = { ...scope, [meta.valVar]: item };
      if (condition && !asBool(condition(inner), 'for condition')) return [];
      return [value(inner)];
    });
}

function compileObject(node: Ast): Evaluate {
  const pairs: [Evaluate, Evaluate][] = [];
  for (let i = 0; i < node.children.length; i += 2) {
    pairs.push([compileAst(node.children[i]!), compileAst(node.children[i + 1]!)]);
  }
  return (scope) =>
    Object.fromEntries(
      pairs.map(([key, value]) => [asString(key(scope), 'object key'), value(scope)]),
    );
}

function compileAst(node: Ast): Evaluate {
  switch (node.type) {
    case 'literalValue': {
      const value = literal(node);
      return () => value;
    }
    case 'template': {
      const parts = node.children.map(compileAst);
      return (scope) => parts.map((part) => asString(part(scope), 'template')).join('');
    }
    case 'templateWrap':
      return compileAst(node.children[0]!);
    case 'tuple': {
      const items = node.children.map(compileAst);
      return (scope) => items.map((item) => item(scope));
    }
    case 'object':
      return compileObject(node);
    case 'scopeTraversal': {
      const meta = node.meta as TFExpressionSyntaxTree.ScopeTraversalExpressionMeta;
      const [root, ...rest] = meta.traversal;
      return (scope) => {
        if (!root || !(root.segment in scope))
          throw new EvaluationError(`unknown name ${meta.fullAccessor}`);
        return traverse(scope[root.segment], rest, meta.fullAccessor);
      };
    }
    case 'relativeTraversal': {
      const meta = node.meta as TFExpressionSyntaxTree.RelativeTraversalExpressionMeta;
      const source = compileAst(node.children[0]!);
      return (scope) => traverse(source(scope), meta.traversal, meta.value);
    }
    case 'index': {
      const [collection, key] = node.children.map(compileAst) as [Evaluate, Evaluate];
      return (scope) => {
        const segment = String(key(scope));
        return traverse(
          collection(scope),
          [{ type: 'nameTraversal', segment } as TraversalPart],
          segment,
        );
      };
    }
    case 'function': {
      const meta = node.meta as TFExpressionSyntaxTree.FunctionCallMeta;
      const implementation = FUNCTIONS[meta.name];
      if (!implementation) throw new EvaluationError(`unsupported function ${meta.name}`);
      const args = node.children.map(compileAst);
      return (scope) => implementation(args, scope);
    }
    case 'conditional': {
      const [condition, whenTrue, whenFalse] = node.children.map(compileAst) as [
        Evaluate,
        Evaluate,
        Evaluate,
      ];
      // Only the chosen branch's errors count, as in Terraform.
      return (scope) => (asBool(condition(scope), '?:') ? whenTrue(scope) : whenFalse(scope));
    }
    case 'unaryOp': {
      const operator = (node.meta as TFExpressionSyntaxTree.UnaryOpExpressionMeta).operator;
      const operand = compileAst(node.children[0]!);
      if (operator === 'logicalNot') return (scope) => !asBool(operand(scope), '!');
      if (operator === 'negate') return (scope) => -asNumber(operand(scope), '-');
      throw new EvaluationError(`unsupported operator ${operator}`);
    }
    case 'binaryOp':
      return compileBinary(node);
    case 'for':
      return compileFor(node);
    default:
      // Parentheses come through as an untyped node around one child.
      if ((node.type as string) === '' && node.children.length === 1)
        return compileAst(node.children[0]!);
      throw new EvaluationError(`unsupported expression ${node.type}: ${node.meta.value}`);
  }
}

/**
 * Compiles a value as @cdktf/hcl2json returns it: strings with `${...}` are expressions (a lone
 * interpolation keeps its type, as in Terraform), lists and maps are compiled item by item.
 */
export async function compileValue(value: unknown, file = 'expression.tf'): Promise<Evaluate> {
  if (typeof value === 'string') {
    if (!value.includes('${')) return () => value;
    const ast = await getExpressionAst(file, `"${value}"`);
    if (!ast) throw new EvaluationError(`cannot parse ${value}`);
    return compileAst(ast);
  }
  if (Array.isArray(value)) {
    const items = await Promise.all(value.map((item) => compileValue(item, file)));
    return (scope) => items.map((item) => item(scope));
  }
  if (isMap(value)) {
    const entries = await Promise.all(
      Object.entries(value).map(
        async ([key, item]) => [key, await compileValue(item, file)] as const,
      ),
    );
    return (scope) => Object.fromEntries(entries.map(([key, item]) => [key, item(scope)]));
  }
  return () => value;
}

/**
 * Builds the `local` object of a scope: each local is compiled once and evaluated on first
 * use against the same scope, so locals can refer to each other in any order.
 */
export async function compileLocals(
  locals: Record<string, { file: string; value: unknown }>,
): Promise<(scope: Scope) => Record<string, unknown>> {
  const compiled = Object.fromEntries(
    await Promise.all(
      Object.entries(locals).map(
        async ([name, { file, value }]) => [name, await compileValue(value, file)] as const,
      ),
    ),
  );
  return (scope) => {
    const cache = new Map<string, unknown>();
    const local: Record<string, unknown> = {};
    for (const [name, evaluate] of Object.entries(compiled)) {
      Object.defineProperty(local, name, {
        enumerable: true,
        get: () => {
          if (!cache.has(name)) cache.set(name, evaluate({ ...scope, local }));
          return cache.get(name);
        },
      });
    }
    return local;
  };
}
