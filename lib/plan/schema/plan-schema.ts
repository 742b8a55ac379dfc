import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { appendAll } from '../../private/arrays';
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
  return newAjv().compile(PLAN_SCHEMA);
}

function newAjv(): Ajv {
  // allErrors: report every problem at once. verbose: errors carry the value and schema, which the
  // messages need (the value received, the allowed field names). strict: the schema itself is checked.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: true, strictTuples: true, strictRequired: true });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  return ajv;
}

/** The schema's errors for some data: at least the first `maxErrors` found, in the file's order of VMs. */
export interface PlanValidation {
  readonly errors: ErrorObject[];
  /** False when validation stopped early: the data has more errors than `errors` holds. */
  readonly complete: boolean;
}

let split: { readonly root: ValidateFunction; readonly vm: ValidateFunction } | undefined;

/**
 * Validates plan data as `planValidator` does, the VMs one by one, stopping at the first VM after
 * `maxErrors` errors. One validator over the whole plan costs time quadratic in the errors (ajv's
 * generated code joins each VM's errors to the list with `concat`: 20,000 invalid VMs took a minute);
 * one VM at a time, each join is small, and a file that is wrong throughout stops after a page.
 */
export function validatePlanData(data: unknown, maxErrors: number): PlanValidation {
  if (!split) {
    const ajv = newAjv();
    // The same schema, its VMs left to the VM validator; both resolve `#/definitions/...` in themselves.
    const root = JSON.parse(JSON.stringify(PLAN_SCHEMA)) as { $id?: string; properties: { vms: Record<string, unknown> } };
    delete root.$id;
    delete root.properties.vms.items;
    const definitions = (PLAN_SCHEMA as { definitions: Record<string, unknown> }).definitions;
    split = { root: ajv.compile(root), vm: ajv.compile({ $ref: '#/definitions/Vm', definitions }) };
  }
  const errors: ErrorObject[] = [];
  if (!split.root(data)) {
    appendAll(errors, split.root.errors ?? []);
  }
  const vms = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { vms?: unknown }).vms : undefined;
  if (Array.isArray(vms)) {
    for (let i = 0; i < vms.length; i++) {
      if (split.vm(vms[i])) {
        continue;
      }
      if (errors.length >= maxErrors) {
        return { errors, complete: false };
      }
      for (const error of split.vm.errors ?? []) {
        errors.push({ ...error, instancePath: `/vms/${i}${error.instancePath}`, schemaPath: error.schemaPath.replace(/^#/, '#/definitions/Vm') });
      }
    }
  }
  return { errors, complete: true };
}
