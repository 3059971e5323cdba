/**
 * A surface typed as a formula in x and y. mathjs parses it and differentiates it symbolically (exact, not
 * finite differences); the trees are then compiled into plain closures, because mathjs's own evaluate
 * costs about a microsecond a call and a cloud calls it a million times a step. mathjs is imported on
 * first use only: it takes most of a second to load and most scenarios never need it.
 */
import type { SurfaceKernel } from './surfaces';

type Fn = (x: number, y: number) => number;

/** One-argument functions a formula may use (their derivatives use only these too). */
const functions: Record<string, (v: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sec: (v) => 1 / Math.cos(v),
  csc: (v) => 1 / Math.sin(v),
  cot: (v) => 1 / Math.tan(v),
  sech: (v) => 1 / Math.cosh(v),
  csch: (v) => 1 / Math.sinh(v),
  coth: (v) => 1 / Math.tanh(v),
};
const constants: Record<string, number> = { pi: Math.PI, e: Math.E };
const binary: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: Math.pow,
};

export interface CompiledExpression {
  kernel: SurfaceKernel;
  /** The symbolic partial derivatives, as mathjs prints them (shown to the user). */
  dx: string;
  dy: string;
}

/** A formula the lab refuses, with a message for the user and, for a parse error, where (mathjs's 1-based character). */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number | null = null,
  ) {
    super(message);
  }
}

// Structural view of the few mathjs node types a formula may contain.
interface Node {
  type: string;
  value?: unknown;
  name?: string;
  fn?: string | { name: string };
  op?: string;
  args?: Node[];
  content?: Node;
}

export async function compileExpression(text: string): Promise<CompiledExpression> {
  const { parse, derivative } = await import('mathjs');
  let tree;
  try {
    tree = parse(text);
  } catch (error) {
    const position = (error as { char?: unknown }).char;
    throw new ExpressionError(`cannot read the formula: ${(error as Error).message}`, typeof position === 'number' ? position : null);
  }
  const f = compile(tree as unknown as Node);
  let dxNode;
  let dyNode;
  try {
    dxNode = derivative(tree, 'x');
    dyNode = derivative(tree, 'y');
  } catch (error) {
    throw new ExpressionError(`cannot differentiate the formula: ${(error as Error).message}`);
  }
  const fx = compile(dxNode as unknown as Node);
  const fy = compile(dyNode as unknown as Node);
  return {
    kernel: (x, y, g) => {
      g.dx = fx(x, y);
      g.dy = fy(x, y);
      return f(x, y);
    },
    dx: dxNode.toString(),
    dy: dyNode.toString(),
  };
}

function compile(node: Node): Fn {
  switch (node.type) {
    case 'ConstantNode': {
      const v = node.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ExpressionError(`only numbers may appear as constants, not ${JSON.stringify(v)}`);
      return () => v;
    }
    case 'SymbolNode': {
      const name = node.name ?? '';
      if (name === 'x') return (x) => x;
      if (name === 'y') return (_x, y) => y;
      if (Object.hasOwn(constants, name)) {
        const v = constants[name];
        return () => v;
      }
      throw new ExpressionError(`unknown name "${name}": use x, y, pi, e and functions such as sin, exp, log`);
    }
    case 'ParenthesisNode':
      return compile(node.content as Node);
    case 'OperatorNode':
      return compileOperator(node);
    case 'FunctionNode':
      return compileFunction(node);
    default:
      throw new ExpressionError(`a formula may contain numbers, x, y, operators and functions, not ${node.type.replace(/Node$/, '').toLowerCase()}s`);
  }
}

function compileOperator(node: Node): Fn {
  const name = typeof node.fn === 'string' ? node.fn : '';
  const args = (node.args ?? []).map(compile);
  if (args.length === 1 && name === 'unaryMinus') {
    const a = args[0];
    return (x, y) => -a(x, y);
  }
  if (args.length === 1 && name === 'unaryPlus') return args[0];
  if (args.length === 2 && Object.hasOwn(binary, name)) {
    const [a, b] = args;
    const op = binary[name];
    return (x, y) => op(a(x, y), b(x, y));
  }
  throw new ExpressionError(`the operator "${node.op}" is not supported: use + - * / ^`);
}

function compileFunction(node: Node): Fn {
  const name = typeof node.fn === 'object' && node.fn ? node.fn.name : '';
  if (!Object.hasOwn(functions, name)) {
    throw new ExpressionError(`unknown function "${name}": use ${Object.keys(functions).slice(0, 14).join(', ')}`);
  }
  const args = (node.args ?? []).map(compile);
  if (args.length !== 1) throw new ExpressionError(`${name} takes one argument`);
  const fn = functions[name];
  const a = args[0];
  return (x, y) => fn(a(x, y));
}
