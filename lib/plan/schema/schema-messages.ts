import { ErrorObject } from 'ajv';
import { PlanPath, pointerToPath } from '../source/plan-path';
import { closest } from '../load/suggest';
import { appendAll } from '../../private/arrays';

/** One schema problem, said once, in words, with the path it is about. */
export interface SchemaProblem {
  /** The field the problem is about (for a missing or unknown field, that field). */
  readonly path: (string | number)[];
  /** The path whose position points at the problem: the field itself, or its parent when missing. */
  readonly at: (string | number)[];
  /** Whether to point at the value (a wrong value) rather than the field's start (its key). */
  readonly atValue: boolean;
  readonly message: string;
}

/** What the messages need besides the errors. */
export interface MessageContext {
  /** The validated data, to tell array indexes from property names and to read values. */
  readonly data: unknown;
  /** The root schema, to resolve `$ref`s when suggesting where a misplaced field belongs. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** True for a YAML file, where an empty value reads as null. */
  readonly yaml: boolean;
  /** The scalar at a path as written in the file, for hints (`7.30` rather than `7.3`). */
  scalarSource?(path: PlanPath): string | undefined;
}

type Schema = Record<string, unknown>;

const COMBINATORS = new Set(['anyOf', 'oneOf']);
const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};
const PATTERN_MESSAGES: Record<string, (got: string) => string> = {
  '^[A-Z][A-Z0-9]*-[A-Z0-9]+$': (got) => `must be a rule id such as SMS-OS1 or MGN-OS3 (got ${got})`,
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$': (got) => `must be a day written YYYY-MM-DD, such as 2027-02-13 (got ${got})`,
  '^[0-9]{12}$': (got) => `must be an AWS account id: 12 digits (got ${got})`,
  '^[a-z]{2}(-[a-z]+)+-[0-9]+$': (got) => `must be a Region code such as eu-west-1 (got ${got})`,
  '\\S': () => 'must not be empty or only whitespace',
};

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value as a message shows it after "got": `"linx"`, `2`, `true`, `null`, `an array`. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > 62 ? `${quoted.slice(0, 58)}..."` : quoted;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (value instanceof Date) {
    return 'a date';
  }
  return 'an object';
}

/** A value with its type, for type errors: `string "60"`, `number 1.5`, `boolean true`, `an object`. */
function showTyped(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return `${typeof value} ${showValue(value)}`;
    default:
      return showValue(value);
  }
}

function typeList(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_NAMES[String(t)] ?? String(t));
  return types.length <= 1 ? types.join('') : `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}`;
}

/**
 * Reduces ajv's errors to one per real problem. An `anyOf`/`oneOf` keeps only the errors of the branch
 * the value came closest to (one whose type matched, with the fewest errors), or becomes a single type
 * error when no branch's type matched; an `if` failure keeps only its `then`/`else` errors; a type
 * error at a path hides the other errors at that path (an enum that is a number is a type problem);
 * exact repeats go.
 */
export function collapseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let live: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') {
      continue;
    }
    if (!COMBINATORS.has(error.keyword) || (error.keyword === 'oneOf' && isObject(error.params) && error.params.passingSchemas != null)) {
      live.push(error);
      continue;
    }
    const prefix = `${error.schemaPath}/`;
    const isSub = (e: ErrorObject): boolean => e.schemaPath.startsWith(prefix) && (e.instancePath === error.instancePath
      || e.instancePath.startsWith(`${error.instancePath}/`));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of live.filter(isSub)) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      const list = branches.get(branch);
      if (list) {
        list.push(e);
      } else {
        branches.set(branch, [e]);
      }
    }
    const typeMatched = [...branches.values()].filter((b) => !b.some((e) => e.keyword === 'type' && e.instancePath === error.instancePath));
    live = live.filter((e) => !isSub(e));
    if (typeMatched.length > 0) {
      appendAll(live, typeMatched.reduce((best, b) => (b.length < best.length ? b : best)));
    } else {
      const types = [...branches.values()].flat().filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
      live.push({ ...error, keyword: 'type', params: { type: [...new Set(types.join(',').split(','))] } });
    }
  }
  const typed = new Set(live.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  return live.filter((e) => {
    if (e.keyword !== 'type' && typed.has(e.instancePath)) {
      return false;
    }
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Follows a local `$ref` (`#/definitions/Vm`) to the schema it names. */
function deref(schema: unknown, root: Schema): Schema | undefined {
  if (!isObject(schema)) {
    return undefined;
  }
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) {
    return schema;
  }
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    target = isObject(target) ? target[part] : undefined;
  }
  return isObject(target) ? target : undefined;
}

function propertyNames(schema: Schema | undefined): string[] {
  return schema && isObject(schema.properties) ? Object.keys(schema.properties) : [];
}

/**
 * The likeliest fix for an unknown field: a sibling it is a typo of (`version` for `verison`), or a field
 * of a nested object it belongs in (`replication.kmsKeyId` for a `kmsKeyId` written on a VM).
 */
function suggestField(name: string, parent: unknown, root: Schema): { sibling?: string; nested?: string; allowed: string[] } {
  const schema = deref(parent, root);
  const allowed = propertyNames(schema);
  const sibling = closest(name, allowed);
  if (sibling) {
    return { sibling, allowed };
  }
  for (const child of allowed) {
    const childSchema = deref((schema?.properties as Schema)[child], root);
    const childFields = childSchema?.type === 'object' ? propertyNames(childSchema) : [];
    const match = childFields.includes(name) ? name : closest(name, childFields);
    if (match) {
      return { nested: `${child}.${match}`, allowed };
    }
  }
  return { allowed };
}

function unknownFieldMessage(name: string, suggestion: { sibling?: string; nested?: string; allowed: string[] }): string {
  const fix = suggestion.sibling ?? suggestion.nested;
  if (fix) {
    return `unknown field "${name}" (did you mean "${fix}"?)`;
  }
  return suggestion.allowed.length > 0 ? `unknown field "${name}" (allowed: ${suggestion.allowed.join(', ')})` : `unknown field "${name}"`;
}

function rangeMessage(error: ErrorObject): string {
  const parent = isObject(error.parentSchema) ? error.parentSchema : {};
  const got = showValue(error.data);
  if (typeof parent.minimum === 'number' && typeof parent.maximum === 'number') {
    return `must be between ${parent.minimum} and ${parent.maximum} (got ${got})`;
  }
  const words: Record<string, string> = {
    minimum: 'at least',
    maximum: 'at most',
    exclusiveMinimum: 'greater than',
    exclusiveMaximum: 'less than',
  };
  return `must be ${words[error.keyword]} ${String(error.params.limit)} (got ${got})`;
}

/** The sentence for one (collapsed) ajv error. */
function describe(error: ErrorObject, path: (string | number)[], context: MessageContext): string {
  const data = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = typeList(params.type);
      if (typeof data === 'number' && !Number.isFinite(data)) {
        return `expected ${expected}, got ${context.scalarSource?.(path) ?? String(data)} (not a finite number)`;
      }
      let message = `expected ${expected}, got ${data === null && context.yaml ? 'an empty value (null)' : showTyped(data)}`;
      // Versions are strings; YAML (and hand-written JSON) turn an unquoted 7.30 into the number 7.3.
      if (String(params.type) === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
        message += ` (quote it: "${context.scalarSource?.(path) ?? String(data)}")`;
      }
      return message;
    }
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')} (got ${showValue(data)})`;
    case 'const':
      return `must be ${showValue(params.allowedValue)} (got ${showValue(data)})`;
    case 'format':
      return params.format === 'date-time'
        ? `must be an ISO 8601 date-time with a time zone, such as 2026-12-01T02:00:00Z (got ${showValue(data)})`
        : `must be a valid ${String(params.format)} (got ${showValue(data)})`;
    case 'pattern': {
      if (path[path.length - 1] === 'wave' && params.pattern === '\\S') {
        return `must name a wave, not be empty or only whitespace (got ${showValue(data)}): leave "wave" out for a VM not scheduled yet`;
      }
      const known = PATTERN_MESSAGES[String(params.pattern)];
      return known ? known(showValue(data)) : `must match the pattern ${String(params.pattern)} (got ${showValue(data)})`;
    }
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long (got ${showValue(data)})`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return rangeMessage(error);
    case 'minItems':
      return params.limit === 1
        ? 'must list at least one entry (got an empty list)'
        : `must list at least ${String(params.limit)} entries (got ${Array.isArray(data) ? data.length : 0})`;
    case 'maxItems':
      return `must list at most ${String(params.limit)} entries (got ${Array.isArray(data) ? data.length : 0})`;
    case 'uniqueItems':
      return `must not repeat entries (entries ${String(params.j)} and ${String(params.i)} are the same)`;
    case 'oneOf':
      return 'matches more than one of the allowed forms';
    default:
      return error.message ?? `breaks the schema rule ${error.keyword}`;
  }
}

/**
 * Turns ajv's errors into one plain sentence per problem, each with the path in the plan's notation:
 * `unknown field "verison" (did you mean "version"?)`, `must be one of windows, linux, other (got "linx")`,
 * `expected a number, got string "60"`, `missing required field "hypervisor"`.
 */
export function schemaProblems(errors: readonly ErrorObject[], context: MessageContext): SchemaProblem[] {
  const collapsed = collapseErrors(errors);
  // A misspelt required field is one problem, not two: the unknown field's "did you mean" says it, so
  // the "missing required field" for the same name in the same object goes.
  const suggestions = new Map<ErrorObject, ReturnType<typeof suggestField>>();
  const misspelt = new Set<string>();
  for (const error of collapsed) {
    if (error.keyword === 'additionalProperties') {
      const suggestion = suggestField(String(error.params.additionalProperty), error.parentSchema, context.schema);
      suggestions.set(error, suggestion);
      if (suggestion.sibling) {
        misspelt.add(`${error.instancePath}/${suggestion.sibling}`);
      }
    }
  }
  const problems: SchemaProblem[] = [];
  for (const error of collapsed) {
    const base = pointerToPath(error.instancePath, context.data);
    const suggestion = suggestions.get(error);
    if (suggestion) {
      const name = String(error.params.additionalProperty);
      const path = [...base, name];
      problems.push({ path, at: path, atValue: false, message: unknownFieldMessage(name, suggestion) });
    } else if (error.keyword === 'required') {
      const name = String(error.params.missingProperty);
      if (!misspelt.has(`${error.instancePath}/${name}`)) {
        problems.push({ path: [...base, name], at: base, atValue: false, message: `missing required field "${name}"` });
      }
    } else {
      problems.push({ path: base, at: base, atValue: true, message: describe(error, base, context) });
    }
  }
  return problems;
}
