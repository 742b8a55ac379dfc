import * as fs from 'fs';
import * as path from 'path';
import { importHyperv } from '../../importers/hyperv';
import { importFileProblem } from '../../importers/import-file';
import { ImportSource } from '../../importers/import-source';
import { deepEqual } from '../../importers/merge-facts';
import { MergeError, mergeIntoPlan } from '../../importers/merge';
import { importRvtools } from '../../importers/rvtools';
import { importSmsCatalog } from '../../importers/sms-catalog';
import { formatImportIssue, ImportError, ImportIssue, ImportResult } from '../../importers/types';
import { appendAll } from '../../private/arrays';
import { visibleControls } from '../../private/visible-controls';
import { detectPlanFormat, DEFAULT_MAX_BYTES, parsePlan, PlanFileError, PlanFormat } from '../../plan';
import { Plan, PlanTarget } from '../../plan/model/plan';
import { consistencyProblems } from '../../plan/load/consistency';
import { formatBytes, readPlanText } from '../../plan/load/read-plan-file';
import { validatePlanData } from '../../plan/schema/plan-schema';
import { MAX_PLAN_DEPTH } from '../../plan/source/nesting';
import { renderImportSummary } from '../import-summary';
import { CliIo, UsageError, writeFileAtomically } from '../io';
import { isJsonData, OriginalPlan, renderPlan } from '../plan-text';
import { IMPORT_FORMATS } from '../formats';

export { IMPORT_FORMATS };

/** Options of the `import <kind>` commands, as parsed. */
export interface ImportCommandOptions {
  /** An existing plan to merge into. */
  readonly into?: string;
  /** Where to write the plan. */
  readonly output?: string;
  readonly dryRun?: boolean;
  readonly format?: string;
  /** The plan's target (`sms` or `mgn`): written into a new plan, and set on the --into plan. */
  readonly target?: string;
}

const TARGETS: readonly string[] = Object.values(PlanTarget);

/** The plan with its target set, placed right after `version` when the plan had none. */
function withTarget(plan: Plan, target: PlanTarget): Plan {
  if (plan.target !== undefined) {
    return plan.target === target ? plan : { ...plan, target };
  }
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plan)) {
    result[key] = value;
    if (key === 'version') {
      result.target = target;
    }
  }
  if (!('target' in result)) {
    result.target = target;
  }
  return result as unknown as Plan;
}

type Importer = (files: string[]) => ImportResult;

const IMPORTERS: Readonly<Record<ImportSource, Importer>> = {
  [ImportSource.RVTOOLS]: (files) => importRvtools(files),
  [ImportSource.SMS_CATALOG]: (files) => importSmsCatalog(files[0]),
  [ImportSource.HYPERV]: importHyperv,
};

/**
 * Messages one a line, as the terminal shows them: file names and values given on the command line
 * or read from a file may hold control characters, which are written visibly.
 */
function visibleLines(messages: readonly string[]): string {
  return `${messages.flatMap((m) => m.split('\n')).map((line) => visibleControls(line)).join('\n')}\n`;
}

/** A plan format named by a file's extension, when it names one. */
function formatOfExtension(file: string): PlanFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  return extension === '.json' ? PlanFormat.JSON : extension === '.yaml' || extension === '.yml' ? PlanFormat.YAML : undefined;
}

/** The --into plan, read and checked; undefined (with the problem pushed) when it cannot be used. */
function readInto(file: string, problems: string[]): OriginalPlan | undefined {
  if (!fs.existsSync(file)) {
    problems.push(`${file}: file not found: --into merges into an existing plan (use --output to write a new one)`);
    return undefined;
  }
  try {
    const text = readPlanText(file, DEFAULT_MAX_BYTES);
    const loaded = parsePlan(text, file);
    return { text, format: detectPlanFormat(file, text.replace(/^\uFEFF/, '')), plan: loaded.plan };
  } catch (e) {
    if (e instanceof PlanFileError) {
      problems.push(e.message);
      return undefined;
    }
    throw e;
  }
}

/** Runs the importer, turning its ImportError into problems. */
function runImporter(source: ImportSource, files: string[], problems: string[]): ImportResult | undefined {
  const unreadable = files.map((file) => importFileProblem(file, source === ImportSource.RVTOOLS))
    .filter((p): p is ImportIssue => p !== undefined);
  if (unreadable.length > 0) {
    appendAll(problems, unreadable.map(formatImportIssue));
    return undefined;
  }
  try {
    const result = IMPORTERS[source](files);
    if (result.vms.length === 0) {
      problems.push(`${files.join(', ')}: no VMs found: nothing to import`);
      return undefined;
    }
    return result;
  } catch (e) {
    if (e instanceof ImportError) {
      appendAll(problems, e.issues.map(formatImportIssue));
      return undefined;
    }
    throw e;
  }
}

/**
 * True when the JSON text of a plan is certainly a valid plan file, judged on the plan object, as
 * parsePlan() would judge the text: JSON.stringify() wrote it, and the object is data that reads back
 * as itself, so the text holds no duplicate key, no NUL and no other nesting, and the schema and the
 * consistency checks see the same data. Parsing the text of a 10,000-VM plan again took a fifth of the
 * import; when this says false, parsePlan() reads the text, which is what words the problems.
 */
function validJsonPlan(plan: unknown): boolean {
  return isJsonData(plan, MAX_PLAN_DEPTH) && validatePlanData(plan, 1).errors.length === 0
    && consistencyProblems(plan, undefined, () => undefined).length === 0;
}

/**
 * `cdk-sms import <kind> FILE...`: reads an inventory, merges it into the --into plan (or makes a new
 * plan), sets the plan's target when --target names one (the --into plan's is kept otherwise), checks the
 * result as `assess` would read it, then writes it: to --output, else back into
 * the --into file, else to standard output. The summary goes to standard error. Nothing is written
 * unless everything succeeded, and never with --dry-run; a merge that changes nothing leaves the
 * --into file untouched. Returns 0, or 2 for input that cannot be used (every problem is printed).
 */
export function importCommand(source: ImportSource, files: string[], options: ImportCommandOptions, io: CliIo): number {
  if (options.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format ${options.format} is not a plan format: use json or yaml`);
  }
  if (options.target !== undefined && !TARGETS.includes(options.target)) {
    throw new UsageError(`--target ${options.target} is not a migration target: use ${TARGETS.join(' or ')}`);
  }
  const problems: string[] = [];
  const original = options.into !== undefined ? readInto(options.into, problems) : undefined;
  const imported = runImporter(source, files, problems);
  if (problems.length > 0 || imported === undefined) {
    io.stderr(visibleLines(problems));
    return 2;
  }

  let merged;
  try {
    merged = mergeIntoPlan(original?.plan, imported, { source });
    if (options.target !== undefined) {
      merged = { ...merged, plan: withTarget(merged.plan, options.target as PlanTarget) };
    }
  } catch (e) {
    if (e instanceof MergeError) {
      io.stderr(visibleLines(e.conflicts.map((c) => `${options.into ?? 'import'}: ${c}`)));
      return 2;
    }
    throw e;
  }

  const target = options.output ?? options.into;
  const format = (options.format as PlanFormat | undefined)
    ?? (options.output !== undefined ? formatOfExtension(options.output) : undefined)
    ?? original?.format
    ?? PlanFormat.JSON;
  const targetFormat = target !== undefined ? formatOfExtension(target) : undefined;
  if (targetFormat !== undefined && targetFormat !== format) {
    throw new UsageError(`--format ${format} would write ${format.toUpperCase()} into ${target}, which is read as ${targetFormat.toUpperCase()}: `
      + `use --output with a .${format} file`);
  }
  const rendered = renderPlan(merged.plan, format, original);
  const bytes = rendered.text.length * 3 > DEFAULT_MAX_BYTES ? Buffer.byteLength(rendered.text, 'utf8') : 0;
  if (bytes > DEFAULT_MAX_BYTES) {
    io.stderr(visibleLines([`${files.join(', ')}: the plan imported would be ${formatBytes(bytes)} (${bytes} bytes), above the `
      + `${formatBytes(DEFAULT_MAX_BYTES)} a plan file may hold, so nothing was written: import the estate in parts (one cluster or host at a time)`]));
    return 2;
  }
  try {
    if (!(format === PlanFormat.JSON && validJsonPlan(merged.plan))) {
      // Named for where it goes, else for the export it came from: a dry run writes nowhere.
      parsePlan(rendered.text, target ?? `the plan imported from ${files.join(', ')}`, { format });
    }
  } catch (e) {
    if (e instanceof PlanFileError) {
      io.stderr(visibleLines(['the merged plan would not be valid, so nothing was written:', e.message]));
      return 2;
    }
    throw e;
  }

  const unchangedInto = options.into !== undefined && target === options.into && format === original?.format
    && deepEqual(merged.plan, original.plan);
  // Everything that can fail is done before the plan is written: the file is the last thing touched.
  const count = `${imported.vms.length} VM${imported.vms.length === 1 ? '' : 's'}`;
  const into = options.into !== undefined ? `, merged into ${options.into}` : ', new plan';
  let summary = renderImportSummary(merged.summary, `import ${source}: ${count} read from ${files.join(', ')}${into}`);
  if (rendered.commentsLost && !options.dryRun && !unchangedInto) {
    summary += `note: ${options.into}'s comments could not be kept: the YAML was written afresh\n`;
  }
  let outcome: string;
  if (options.dryRun) {
    outcome = 'dry run: nothing written';
  } else if (unchangedInto) {
    outcome = `nothing changed: ${options.into} left as it was`;
  } else if (target !== undefined) {
    writeFileAtomically(target, rendered.text, 'the plan');
    outcome = `wrote ${target}`;
  } else {
    io.stdout(rendered.text);
    outcome = 'plan written to standard output';
  }
  io.stderr(`${summary}${visibleControls(outcome)}\n`);
  return 0;
}
