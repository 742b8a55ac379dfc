import * as fs from 'fs';
import * as path from 'path';
import type { ErrorObject } from 'ajv';
import { appendAll } from '../../private/arrays';

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
 * loads: a few kilobytes), for the messages that quote it. Treat it as read-only.
 */
export const PLAN_SCHEMA: Readonly<Record<string, unknown>> = JSON.parse(fs.readFileSync(PLAN_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

export { isDateTime } from './plan-formats';

/** A validator as ajv's standalone code defines it: true or false, and its errors after a false. */
export interface PlanValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The validators compiled from the schema at build time (scripts/compile-schema.ts). */
interface CompiledValidators {
  readonly root: PlanValidateFunction;
  readonly vm: PlanValidateFunction;
}

let compiled: CompiledValidators | undefined;

/**
 * The validators, loaded on first use. They are compiled when the package is built, not here:
 * compiling the schema cost 120-190 ms at every start of the CLI and every synth, and brought ajv's
 * compiler along.
 */
function validators(): CompiledValidators {
  if (!compiled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    compiled = require('./plan-validators') as CompiledValidators;
  }
  return compiled;
}

/** The schema's errors for some data: at least the first `maxErrors` found, in the file's order of VMs. */
export interface PlanValidation {
  readonly errors: ErrorObject[];
  /** False when validation stopped early: the data has more errors than `errors` holds. */
  readonly complete: boolean;
}

/**
 * Validates plan data against the schema (every error, ajv's `allErrors` and `verbose`), the VMs one by one, stopping at the first VM after
 * `maxErrors` errors. One validator over the whole plan costs time quadratic in the errors (ajv's
 * generated code joins each VM's errors to the list with `concat`: 20,000 invalid VMs took a minute);
 * one VM at a time, each join is small, and a file that is wrong throughout stops after a page.
 */
export function validatePlanData(data: unknown, maxErrors: number): PlanValidation {
  const split = validators();
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
