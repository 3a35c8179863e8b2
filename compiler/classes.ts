// Class bodies, prepared for scope analysis and code generation. A class becomes:
// a constructor function (the user's, or a synthesized default), methods and
// accessors, and synthetic initializer functions: one that defines the instance
// fields (run by the constructor, with `this` the new object) and one per static
// field or static block (run once, with `this` the class). Computed field keys are
// evaluated at class definition time into hidden bindings (%fk0…); private names
// (#x) are bindings holding a per-evaluation PrivateName; private methods live in
// hidden bindings (%pm#x) and are installed on each instance by the initializer.

import { acorn } from "./acorn";
import type * as N from "./estree";

export interface FieldEntry {
  /** Static key, or null when computed / private. */
  name: string | null;
  /** Identifier reading the hidden binding that holds a computed key or PrivateName. */
  keyRef: N.Identifier | null;
  isPrivate: boolean;
  /** "field", or a private method/getter/setter installed per instance. */
  kind: "field" | "method" | "get" | "set";
  value: N.Expression | null;
  /** For private methods and accessors: the hidden binding holding the function. */
  fnRef: N.Identifier | null;
}

export interface ClassPlan {
  ctor: N.FunctionExpression;
  derived: boolean;
  /** Synthetic function defining the instance fields, or null when there are none. */
  instanceInit: SyntheticInit | null;
  /** Static fields and blocks, in source order, as functions called with this = class. */
  statics: SyntheticInit[];
  /** Names declared in the class scope: private names and hidden bindings. */
  hidden: string[];
  /** Per element with a computed key: the hidden binding name it is stored in. */
  computedKey: Map<N.Node, string>;
}

/** A FunctionExpression node made by the compiler; `fields` replaces its body. */
export type SyntheticInit = N.FunctionExpression & { jauntFields: FieldEntry[] | null };

const plans = new WeakMap<N.Node, ClassPlan>();

function ident(name: string, at: N.Node): N.Identifier {
  return { type: "Identifier", name, start: at.start, end: at.end, loc: at.loc } as N.Identifier;
}

/** V8's names of a class's initializers in stack traces. */
const STATIC_INIT = "<static_initializer>";
const INSTANCE_INIT = "<instance_members_initializer>";

function synthetic(
  at: N.Node,
  body: N.Statement[],
  fields: FieldEntry[] | null,
  inferredName: string,
): SyntheticInit {
  return {
    type: "FunctionExpression",
    id: null,
    params: [],
    generator: false,
    async: false,
    expression: false,
    body: {
      type: "BlockStatement",
      body,
      start: at.start,
      end: at.end,
      loc: at.loc,
    } as N.BlockStatement,
    start: at.start,
    end: at.end,
    loc: at.loc,
    jauntFields: fields,
    jauntInferred: inferredName,
  } as unknown as SyntheticInit;
}

/** The default constructor of a class, as the spec writes it. */
function defaultCtor(node: N.Class, derived: boolean): N.FunctionExpression {
  const src = derived
    ? "(class extends B { constructor(...args) { super(...args); } })"
    : "(class { constructor() {} })";
  const ast = acorn().parse(src, { ecmaVersion: "latest" }) as unknown as N.Program;
  const cls = ((ast.body[0] as N.ExpressionStatement).expression as N.ClassExpression).body
    .body[0] as N.MethodDefinition;
  const fn = cls.value as N.FunctionExpression;
  // Give every synthesized node the class's position.
  const place = (n: unknown): void => {
    if (!n || typeof n !== "object") return;
    const o = n as Record<string, unknown>;
    if (typeof o.type === "string") {
      o.start = node.start;
      o.end = node.end;
      o.loc = node.loc;
    }
    for (const k of Object.keys(o)) if (k !== "loc") place(o[k]);
  };
  place(fn);
  return fn;
}

export function classPlan(node: N.Class): ClassPlan {
  let plan = plans.get(node);
  if (plan) return plan;
  const derived = node.superClass !== null && node.superClass !== undefined;
  let ctor: N.FunctionExpression | null = null;
  const hidden: string[] = [];
  const computedKey = new Map<N.Node, string>();
  const instanceFields: FieldEntry[] = [];
  // Private methods and accessors are installed on an instance before any field is
  // initialised (InitializeInstanceElements), so a field may call one declared later.
  const privateMethods: FieldEntry[] = [];
  const statics: SyntheticInit[] = [];
  const privateSeen = new Set<string>();
  let counter = 0;
  for (const el of node.body.body) {
    if (el.type === "MethodDefinition" && el.kind === "constructor") {
      ctor = el.value as N.FunctionExpression;
      continue;
    }
    if (el.type === "StaticBlock") {
      statics.push(synthetic(el, el.body, null, STATIC_INIT));
      continue;
    }
    const key = el.key;
    const isPrivate = key.type === "PrivateIdentifier";
    if (isPrivate) {
      const pname = "#" + (key as N.PrivateIdentifier).name;
      if (!privateSeen.has(pname)) {
        privateSeen.add(pname);
        hidden.push(pname);
      }
    } else if (el.computed) {
      const h = `%fk${counter++}`;
      computedKey.set(el, h);
      hidden.push(h);
    }
    if (el.type === "MethodDefinition" && isPrivate && !el.static) {
      // Private instance methods/accessors: one function per class evaluation,
      // installed on each instance.
      const h = `%p${el.kind}${counter++}`;
      hidden.push(h);
      computedKey.set(el, h);
      privateMethods.push({
        name: null,
        keyRef: ident("#" + (key as N.PrivateIdentifier).name, el),
        isPrivate: true,
        kind: el.kind === "get" || el.kind === "set" ? el.kind : "method",
        value: null,
        fnRef: ident(h, el),
      });
      continue;
    }
    if (el.type === "PropertyDefinition") {
      const entry: FieldEntry = {
        name: isPrivate || el.computed ? null : keyName(key),
        keyRef: isPrivate
          ? ident("#" + (key as N.PrivateIdentifier).name, el)
          : el.computed
            ? ident(computedKey.get(el)!, el)
            : null,
        isPrivate,
        kind: "field",
        value: (el.value as N.Expression | null) ?? null,
        fnRef: null,
      };
      if (el.static) statics.push(synthetic(el, [], [entry], STATIC_INIT));
      else instanceFields.push(entry);
    }
  }
  const instanceElements = [...privateMethods, ...instanceFields];
  plan = {
    ctor: ctor ?? defaultCtor(node, derived),
    derived,
    instanceInit: instanceElements.length
      ? synthetic(node, [], instanceElements, INSTANCE_INIT)
      : null,
    statics,
    hidden,
    computedKey,
  };
  plans.set(node, plan);
  return plan;
}

export function keyName(key: N.Node): string | null {
  if (key.type === "Identifier") return key.name;
  if (key.type === "Literal") {
    const v = key.value;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "bigint") return String(v);
  }
  return null;
}
