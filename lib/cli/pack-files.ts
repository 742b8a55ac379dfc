import * as fs from 'fs';
import * as path from 'path';
import { SmsMigrationError } from '../errors';
import { composeRulePack } from '../organization/compose';
import { IOrganizationRulePack } from '../organization/organization-rule-pack';
import { packShapeProblems } from '../organization/pack-shape';
import { PlanTarget } from '../plan/model/plan';
import { rulePackFor } from '../rules/packs';
import { UsageError } from './io';

/** The organisation rule packs of a run, and the file each rule id came from. */
export interface LoadedPacks {
  /** The packs, in the order of the `--pack` options. */
  readonly packs: IOrganizationRulePack[];
  /** The pack file of each organisation rule id. */
  readonly fileOf: ReadonlyMap<string, string>;
}

/** The first line of a message, with the count of the others. */
function oneLine(message: string): string {
  const lines = message.split('\n').map((l) => l.replace(/^- /, '')).filter((l) => l.trim() !== '' && !/^found \d+ errors:$/.test(l));
  return lines.length <= 1 ? (lines[0] ?? message) : `${lines[0]} (and ${lines.length - 1} more problem${lines.length === 2 ? '' : 's'})`;
}

/** What a module exports, said for a message: `an object with keys a, b`, `a function`, `undefined`. */
function exported(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`;
  }
  return typeof value === 'function' ? 'a function' : `a ${typeof value}`;
}

/** Whether a value looks meant as a pack: an object with a name and rules. */
function looksLikePack(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'name' in value && 'vmRules' in value;
}

/**
 * Loads one pack file: a CommonJS module whose `module.exports` is the pack, or which exports it as
 * `pack` (`exports.pack = pack`). The file requires its own copy of the library, whose classes are not
 * this command's: the export is checked by its shape only.
 */
/** The package a pack file requires to build its pack. */
const PACKAGE_NAME = 'cdk-sms-migration';

/**
 * Why a pack file failed to load, in one line. A module it requires that cannot be found is named, without
 * Node's require stack; when that module is this package, where to install it.
 */
function loadFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if ((e as { code?: unknown } | null)?.code !== 'MODULE_NOT_FOUND') {
    return oneLine(message);
  }
  const missing = /Cannot find module '([^']+)'/.exec(message)?.[1];
  if (missing === PACKAGE_NAME) {
    return `it requires ${PACKAGE_NAME}, which is not installed where the file is: install the package in the project `
      + `that holds the pack file (npm install ${PACKAGE_NAME})`;
  }
  return missing !== undefined ? `it requires ${missing}, which cannot be found from the file` : oneLine(message.split('\n')[0]);
}

function loadPackFile(file: string): IOrganizationRulePack {
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new UsageError(`--pack ${file}: no such file`);
  }
  if (!stat.isFile()) {
    throw new UsageError(`--pack ${file}: not a file: a pack file is a JavaScript module that exports an organisation rule pack`);
  }
  let module: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    module = require(resolved);
  } catch (e) {
    throw new UsageError(`--pack ${file}: the file failed while loading: ${loadFailure(e)}`);
  }
  const candidate = looksLikePack(module) ? module : (module as { pack?: unknown } | null)?.pack;
  if (!looksLikePack(candidate)) {
    throw new UsageError(`--pack ${file}: exports no organisation rule pack: expected \`module.exports = pack\` or \`exports.pack = pack\` `
      + `with an OrganizationRulePack, got ${exported(module)}`);
  }
  const problems = packShapeProblems(candidate);
  if (problems.length > 0) {
    throw new UsageError(`--pack ${file}: ${oneLine(problems.join('\n'))}`);
  }
  return candidate as IOrganizationRulePack;
}

/**
 * Loads the `--pack` files in order and checks that they apply together to each service's pack (no rule
 * id twice, no lowered severity, no unknown rule): any problem is a usage error, one line.
 */
export function loadPackFiles(files: readonly string[] | undefined): LoadedPacks {
  const packs: IOrganizationRulePack[] = [];
  const fileOf = new Map<string, string>();
  for (const file of files ?? []) {
    const pack = loadPackFile(file);
    packs.push(pack);
    for (const rule of pack.vmRules) {
      if (!fileOf.has(rule.id)) {
        fileOf.set(rule.id, file);
      }
    }
  }
  for (const target of [PlanTarget.SMS, PlanTarget.MGN]) {
    try {
      composeRulePack(rulePackFor(target), packs);
    } catch (e) {
      if (SmsMigrationError.isSmsMigrationError(e)) {
        throw new UsageError(`--pack: ${oneLine(e.message)}`);
      }
      throw e;
    }
  }
  return { packs, fileOf };
}

/**
 * Runs an assessment; an organisation rule that throws or breaks the contract stops it with one line that
 * names its pack file (the engine names the rule and the VM), rather than an internal error.
 */
export function withPackErrors<T>(loaded: LoadedPacks, assess: () => T): T {
  try {
    return assess();
  } catch (e) {
    const rule = e instanceof Error ? /^rule (\S+) could not judge /.exec(e.message)?.[1] : undefined;
    const file = rule !== undefined ? loaded.fileOf.get(rule) : undefined;
    if (file !== undefined) {
      throw new UsageError(`--pack ${file}: ${oneLine((e as Error).message)}`);
    }
    throw e;
  }
}
