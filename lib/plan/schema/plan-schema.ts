import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { readDateTime } from '../../private/date-time';

/**
 * The schema file at the package root, found from wherever this code runs: compiled beside its
 * source (`lib/plan/schema/`) or bundled into the `cdk-sms` command (`lib/cli/`).
 */
function findSchemaFile(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'schema', 'plan.schema.json');
    if (fs.existsSync(file)) {
      return file;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`schema/plan.schema.json is missing from the package above ${__dirname}: reinstall cdk-sms-migration`);
    }
  }
}

/** Where the plan's JSON Schema is on disk (it ships with the package), for editors and `$schema`. */
export const PLAN_SCHEMA_FILE = findSchemaFile();

/**
 * The plan's JSON Schema (draft-07), as an object (read from `PLAN_SCHEMA_FILE` when this module
 * loads: a few kilobytes). Treat it as read-only: the compiled validator shares it.
 */
export const PLAN_SCHEMA: Readonly<Record<string, unknown>> = JSON.parse(fs.readFileSync(PLAN_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

/**
 * True for a date-time the plan accepts: the library's one ISO 8601 grammar (private/date-time.ts),
 * with its zone given (`Z` or an offset), since a plan file is read in other zones than it was written in.
 */
export function isDateTime(value: string): boolean {
  return readDateTime(value)?.zoned === true;
}

let validator: ValidateFunction | undefined;

/**
 * The compiled plan validator. Compiling the schema is the slow part (tens of milliseconds), so it
 * happens once per process, on first use.
 */
export function planValidator(): ValidateFunction {
  if (!validator) {
    validator = compilePlanValidator();
  }
  return validator;
}

/** Compiles the plan schema (uncached; `planValidator` is the cached one). */
export function compilePlanValidator(): ValidateFunction {
  // allErrors: report every problem at once. verbose: errors carry the value and schema, which the
  // messages need (the value received, the allowed field names). strict: the schema itself is checked.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: true, strictTuples: true, strictRequired: true });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  return ajv.compile(PLAN_SCHEMA);
}
