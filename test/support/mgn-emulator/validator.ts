import { MgnModel, Shape } from './model';

/**
 * Validates JSON values against shapes of the MGN Smithy model: required members, scalar types, enums
 * (Smithy 1 `enum` trait and Smithy 2 `enum` shapes), lists, maps, structures, unions and the
 * length/range/pattern traits. Patterns are the model's anchored ones, searched as Smithy specifies.
 *
 * A value of the wrong JSON type is a `type` violation (the service answers `reason: cannotParse`);
 * everything else is a `constraint` violation (`reason: fieldValidationFailed`). Unknown members are
 * collected, not rejected, because the service ignores them on input; output checking makes them errors.
 */

/** One problem found in a value. */
export interface Violation {
  readonly kind: 'missing' | 'type' | 'constraint';
  /** Member path such as `filters.sourceServerIDs.0`. */
  readonly path: string;
  readonly message: string;
}

/** Result of validating one value. */
export interface ValidationResult {
  readonly violations: Violation[];
  readonly unknownMembers: string[];
}

const PRELUDE: Record<string, string> = {
  'smithy.api#String': 'string', 'smithy.api#Boolean': 'boolean', 'smithy.api#PrimitiveBoolean': 'boolean',
  'smithy.api#Integer': 'integer', 'smithy.api#PrimitiveInteger': 'integer', 'smithy.api#Long': 'long',
  'smithy.api#PrimitiveLong': 'long', 'smithy.api#Float': 'float', 'smithy.api#Double': 'double',
  'smithy.api#Timestamp': 'timestamp', 'smithy.api#Document': 'document', 'smithy.api#Unit': 'structure',
};

const INT_RANGES: Record<string, [number, number]> = {
  integer: [-2147483648, 2147483647], long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const patternCache = new Map<string, RegExp>();

/** Validates `value` (already JSON-parsed) against shape `shapeId`. */
export function validate(model: MgnModel, shapeId: string, value: unknown): ValidationResult {
  const out: ValidationResult = { violations: [], unknownMembers: [] };
  check(model, shapeId, value, '', out);
  return out;
}

/** The scalar type of a shape (`string`, `integer`, `long`, `boolean`, ...), resolving prelude ids. */
export function scalarType(model: MgnModel, shapeId: string): string {
  return resolve(model, shapeId).type;
}

/** Joins violations into one AWS-style message. */
export function describeViolations(violations: readonly Violation[]): string {
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${violations.map((v) => v.message).join('; ')}`;
}

function resolve(model: MgnModel, shapeId: string): Shape {
  const prelude = PRELUDE[shapeId];
  if (prelude) {
    return { type: prelude, members: {} };
  }
  const shape = model.shape(shapeId);
  if (!shape) {
    throw new Error(`MGN emulator: shape ${shapeId} is not in the model`);
  }
  return shape;
}

function show(value: unknown): string {
  const text = value === undefined ? 'null' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function fail(out: ValidationResult, kind: 'type' | 'constraint', path: string, value: unknown, constraint: string): void {
  out.violations.push({ kind, path, message: `Value '${show(value)}' at '${path}' failed to satisfy constraint: ${constraint}` });
}

function check(model: MgnModel, shapeId: string, value: unknown, path: string, out: ValidationResult): void {
  const shape = resolve(model, shapeId);
  switch (shape.type) {
    case 'structure':
    case 'union':
      checkStructure(model, shape, value, path, out);
      return;
    case 'list':
    case 'set':
      if (!Array.isArray(value)) {
        fail(out, 'type', path, value, 'Member must be a list');
        return;
      }
      value.forEach((item, i) => {
        if (item === null) {
          fail(out, 'constraint', `${path}.${i}`, item, 'Member must not be null');
        } else {
          check(model, shape.member!.target, item, `${path}.${i}`, out);
        }
      });
      checkLength(shape, value.length, value, path, out);
      return;
    case 'map':
      if (!isObject(value)) {
        fail(out, 'type', path, value, 'Member must be a map');
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        check(model, shape.key!.target, k, `${path}.${k}`, out);
        if (v === null) {
          fail(out, 'constraint', `${path}.${k}`, v, 'Member must not be null');
        } else {
          check(model, shape.value!.target, v, `${path}.${k}`, out);
        }
      }
      checkLength(shape, Object.keys(value).length, value, path, out);
      return;
    case 'enum':
    case 'string': {
      if (typeof value !== 'string') {
        fail(out, 'type', path, value, 'Member must be a string');
        return;
      }
      const allowed = model.enumValues(shapeId);
      if (allowed && !allowed.includes(value)) {
        fail(out, 'constraint', path, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
        return;
      }
      checkLength(shape, [...value].length, value, path, out);
      checkPattern(shape, value, path, out);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') {
        fail(out, 'type', path, value, 'Member must be a boolean');
      }
      return;
    case 'integer': case 'long': {
      const [min, max] = INT_RANGES[shape.type];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        fail(out, 'type', path, value, `Member must be an ${shape.type}`);
        return;
      }
      checkRange(shape, value, path, out);
      return;
    }
    case 'float': case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(out, 'type', path, value, 'Member must be a number');
        return;
      }
      checkRange(shape, value, path, out);
      return;
    case 'timestamp':
      if (typeof value !== 'number' && typeof value !== 'string') {
        fail(out, 'type', path, value, 'Member must be a timestamp');
      }
      return;
    case 'document':
      return;
    default:
      throw new Error(`MGN emulator: cannot validate shape type ${shape.type} (${shapeId})`);
  }
}

function checkStructure(model: MgnModel, shape: Shape, value: unknown, path: string, out: ValidationResult): void {
  if (!isObject(value)) {
    fail(out, 'type', path || '<body>', value, 'Member must be a structure (a JSON object)');
    return;
  }
  const members = shape.members ?? {};
  for (const [name, member] of Object.entries(members)) {
    const memberPath = path ? `${path}.${name}` : name;
    const v = value[name];
    if (v === undefined || v === null) {
      if (member.traits?.['smithy.api#required'] !== undefined) {
        out.violations.push({
          kind: 'missing', path: memberPath,
          message: `Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`,
        });
      }
      continue;
    }
    check(model, member.target, v, memberPath, out);
  }
  for (const name of Object.keys(value)) {
    if (!(name in members)) {
      out.unknownMembers.push(path ? `${path}.${name}` : name);
    }
  }
}

function checkLength(shape: Shape, length: number, value: unknown, path: string, out: ValidationResult): void {
  const t = shape.traits?.['smithy.api#length'] as { min?: number; max?: number } | undefined;
  if (t && ((t.min !== undefined && length < t.min) || (t.max !== undefined && length > t.max))) {
    fail(out, 'constraint', path, value, `Member must have length between ${t.min ?? 0} and ${t.max ?? 'unbounded'}, inclusive`);
  }
}

function checkRange(shape: Shape, value: number, path: string, out: ValidationResult): void {
  const t = shape.traits?.['smithy.api#range'] as { min?: number; max?: number } | undefined;
  if (t && ((t.min !== undefined && value < t.min) || (t.max !== undefined && value > t.max))) {
    fail(out, 'constraint', path, value, `Member must have value between ${t.min ?? '-inf'} and ${t.max ?? 'inf'}, inclusive`);
  }
}

function checkPattern(shape: Shape, value: string, path: string, out: ValidationResult): void {
  const pattern = shape.traits?.['smithy.api#pattern'];
  if (typeof pattern !== 'string') {
    return;
  }
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patternCache.set(pattern, re);
  }
  if (!re.test(value)) {
    fail(out, 'constraint', path, value, `Member must satisfy regular expression pattern: ${pattern}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
