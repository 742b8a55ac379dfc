import * as path from 'path';
import { Plan } from '../model/plan';
import { dataKeyCount, duplicateJsonKeys, JsonLocator, jsonShape, keyCountBound } from '../source/json-index';
import { findJsonSyntaxError } from '../source/json-scan';
import { PlanFileError, PlanIssue } from './plan-file-error';
import { formatPlanPath, PlanPath } from '../source/plan-path';
import { PLAN_SCHEMA, validatePlanData } from '../schema/plan-schema';
import { consistencyProblems } from './consistency';
import { DEFAULT_MAX_BYTES, fileError, readPlanText, tooLarge } from './read-plan-file';
import { schemaProblems } from '../schema/schema-messages';
import { positionAt, TextPosition } from '../source/text-position';
import { SourceLocator } from '../source/source-locator';
import type * as YamlLocatorModule from '../source/yaml-locator';
import type * as YamlSource from '../source/yaml-source';
import { duplicateKeyMessage } from '../source/duplicate-key';
import { MAX_PLAN_DEPTH, tooDeepMessage } from '../source/nesting';
import { appendAll } from '../../private/arrays';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The YAML side of the loader, loaded with the `yaml` parser when a YAML plan is read: a JSON plan
 * (and the synth of a JSON plan) needs neither.
 */
const yamlSide = (): typeof YamlSource & typeof YamlLocatorModule => ({
  ...require('../source/yaml-source') as typeof YamlSource,
  ...require('../source/yaml-locator') as typeof YamlLocatorModule,
});
/* eslint-enable @typescript-eslint/no-require-imports */

/** The two spellings of a plan file. */
export enum PlanFormat {
  /** JSON, the canonical form. */
  JSON = 'json',
  /** YAML 1.2 with the same structure. */
  YAML = 'yaml',
}

/**
 * Options for reading a plan.
 *
 * TypeScript and JavaScript only (taken and returned by `loadPlanFile` and `parsePlan`, functions, which
 * jsii does not export; other languages load a plan with `MigrationPlan.fromFile`): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface LoadPlanOptions {
  /**
   * The largest file (in bytes, as UTF-8) read; a larger one is an error that says both sizes.
   *
   * @default 268435456 (256 MiB)
   */
  readonly maxBytes?: number;
  /**
   * The rule ids acknowledgements may name; an acknowledgement of any other id is an error.
   *
   * @default - ids are only checked for their shape (`SMS-` letters digits)
   */
  readonly ruleIds?: ReadonlySet<string>;
  /**
   * The format of the text.
   *
   * @default - from the extension (`.json`; `.yaml` or `.yml`), else JSON when the first non-blank
   * character is `{`, else YAML
   */
  readonly format?: PlanFormat;
}

/**
 * A plan read from a file and checked against the schema and its own consistency.
 *
 * TypeScript and JavaScript only (taken and returned by `loadPlanFile` and `parsePlan`, functions, which
 * jsii does not export; other languages load a plan with `MigrationPlan.fromFile`): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface LoadedPlan {
  /** The plan. */
  readonly plan: Plan;
  /** The file it came from, as the caller named it. */
  readonly file: string;
  /**
   * Where a part of the plan is in the file, for reports that point into it: the field's key for an
   * object property, the item's start for an array element, or, when the path does not exist (a fact
   * the plan leaves out), the deepest part of it that does. Positions are computed only when asked
   * for (for a JSON file the first call parses the text again to find them). Undefined when nothing
   * can be located.
   */
  locate(path: readonly (string | number)[]): TextPosition | undefined;
}

/**
 * The format of a plan file: by extension (`.json`; `.yaml`/`.yml`), else JSON when the first
 * non-blank character is `{`, else YAML.
 */
export function detectPlanFormat(file: string, text: string): PlanFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') {
    return PlanFormat.JSON;
  }
  if (extension === '.yaml' || extension === '.yml') {
    return PlanFormat.YAML;
  }
  return /^\s*\{/.test(text) ? PlanFormat.JSON : PlanFormat.YAML;
}

/**
 * Reads, parses and checks a plan file.
 *
 * @throws PlanFileError listing every problem found (one per line in its message), when the file
 * cannot be read, is not JSON or YAML, breaks the schema, or repeats names, names undeclared connectors
 * or (with `options.ruleIds`) unknown rule ids
 */
export function loadPlanFile(file: string, options: LoadPlanOptions = {}): LoadedPlan {
  const text = readPlanText(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return parseText(text, file, options);
}

/**
 * Parses and checks the text of a plan file. `file` names it in messages and decides the format.
 *
 * @throws PlanFileError as loadPlanFile does
 */
export function parsePlan(text: string, file: string, options: LoadPlanOptions = {}): LoadedPlan {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // A UTF-16 code unit is at most 3 bytes of UTF-8, so short texts need no count.
  if (text.length * 3 > maxBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      throw tooLarge(file, bytes, maxBytes);
    }
  }
  if (text.length === 0) {
    throw fileError(file, 'file is empty (0 bytes): a plan needs at least "version" and "vms"');
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const at = positionAt(text, nul);
    throw fileError(file, 'file is binary (it holds a NUL character), not a JSON or YAML plan', at.line, at.column);
  }
  return parseText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file, options);
}

function parseText(text: string, file: string, options: LoadPlanOptions): LoadedPlan {
  if (!/\S/.test(text)) {
    throw fileError(file, 'file is blank (only whitespace): a plan needs at least "version" and "vms"');
  }
  const format = options.format ?? detectPlanFormat(file, text);
  let data: unknown;
  let locator: SourceLocator;
  let duplicates: PlanIssue[];
  if (format === PlanFormat.JSON) {
    data = parseJson(text, file);
    // JSON.parse does not recurse; what walks the data afterwards does, so depth is checked first, by a
    // walk that stops at the limit. Only a file that is too deep is scanned for where.
    const dataKeys = dataKeyCount(data, MAX_PLAN_DEPTH);
    if (dataKeys < 0) {
      const at = positionAt(text, jsonShape(text, MAX_PLAN_DEPTH).tooDeepAt);
      throw fileError(file, tooDeepMessage(), at.line, at.column);
    }
    // Positions are found only when needed (errors, reports), by a locator that indexes lazily.
    const jsonLocator = new JsonLocator(text);
    locator = jsonLocator;
    const repeatsNoKey = keyCountBound(text) === dataKeys || jsonShape(text, Infinity).keys === dataKeys;
    duplicates = repeatsNoKey ? [] : duplicateJsonKeys(text).map((d) => {
      const at = jsonLocator.positionAt(d.offset);
      const name = String(d.path[d.path.length - 1]);
      return { file, path: formatPlanPath(d.path), ...at, message: duplicateKeyMessage(name, jsonLocator.positionAt(d.firstOffset), at) };
    });
  } else {
    const { parseYaml, yamlData, yamlProblems, YamlLocator, YamlTooDeepError } = yamlSide();
    let parsed: YamlSource.ParsedYaml;
    try {
      parsed = parseYaml(text);
    } catch (e) {
      if (e instanceof YamlTooDeepError) {
        const at = positionAt(text, e.offset);
        throw fileError(file, e.message, at.line, at.column);
      }
      throw e;
    }
    const problems = yamlProblems(parsed, file);
    if (problems.syntax.length > 0) {
      throw new PlanFileError(firstPage(sortIssues(problems.syntax), file, true));
    }
    const result = yamlData(parsed, file);
    if (result.issues.length > 0) {
      throw new PlanFileError(firstPage(sortIssues(result.issues), file, true));
    }
    if (result.data === null || result.data === undefined) {
      throw fileError(file, 'file holds no plan (only comments, or null): a plan needs at least "version" and "vms"');
    }
    data = result.data;
    locator = new YamlLocator(parsed.doc, parsed.lines);
    duplicates = problems.duplicates;
  }
  const checked = checkPlanData(data, file, format, locator, options.ruleIds);
  const issues = sortIssues(appendAll(duplicates, checked.issues));
  if (issues.length > 0) {
    throw new PlanFileError(firstPage(issues, file, checked.complete));
  }
  return { plan: data as Plan, file, locate: (at) => locator.fieldPosition(at) };
}

/** JSON.parse, and on failure the first syntax error with its line and column. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    if (syntax) {
      const at = positionAt(text, syntax.offset);
      throw fileError(file, `invalid JSON: ${syntax.message}`, at.line, at.column);
    }
    // The scanner found nothing (it should always agree): fall back on JSON.parse's message and position.
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message);
    const at = offset ? positionAt(text, Number(offset[1])) : undefined;
    const said = message.replace(/ in JSON at position \d+.*$/s, '');
    throw fileError(file, `invalid JSON: ${said[0].toLowerCase()}${said.slice(1)}`, at?.line, at?.column);
  }
}

/** Schema and consistency issues of parsed plan data, located in the file. */
function checkPlanData(
  data: unknown,
  file: string,
  format: PlanFormat,
  locator: SourceLocator,
  ruleIds: ReadonlySet<string> | undefined,
): { issues: PlanIssue[]; complete: boolean } {
  const issues: PlanIssue[] = [];
  // Twice a page: collapsing the errors into problems can merge a few.
  const validation = validatePlanData(data, 2 * MAX_ISSUES_SHOWN);
  if (validation.errors.length > 0) {
    const problems = schemaProblems(validation.errors, {
      data,
      schema: PLAN_SCHEMA,
      yaml: format === PlanFormat.YAML,
      scalarSource: (at: PlanPath) => locator.scalarSource(at),
    });
    for (const problem of problems) {
      const at = problem.atValue ? locator.valuePosition(problem.at) : locator.fieldPosition(problem.at);
      issues.push({ file, path: formatPlanPath(problem.path), line: at?.line, column: at?.column, message: problem.message });
    }
  }
  for (const problem of consistencyProblems(data, ruleIds, (at) => locator.fieldPosition(at))) {
    const at = locator.fieldPosition(problem.path);
    issues.push({ file, path: formatPlanPath(problem.path), line: at?.line, column: at?.column, message: problem.message });
  }
  return { issues, complete: validation.complete };
}

/**
 * The issues printed for one file. A file wrong throughout (20,000 VMs with the same mistake) would
 * print tens of thousands of lines that say one thing; a person fixes the first page and runs again.
 */
export const MAX_ISSUES_SHOWN = 50;

/** The first MAX_ISSUES_SHOWN issues, then one that says how many more there are (or that there are more, when not all were counted). */
function firstPage(issues: PlanIssue[], file: string, complete: boolean): PlanIssue[] {
  if (issues.length <= MAX_ISSUES_SHOWN && complete) {
    return issues;
  }
  const more = issues.length - MAX_ISSUES_SHOWN;
  const page = issues.slice(0, MAX_ISSUES_SHOWN);
  const said = complete ? `${more} more problem${more === 1 ? '' : 's'} not shown` : 'more problems not shown';
  page.push({ file, path: '', message: `${said} (the first ${MAX_ISSUES_SHOWN} are above): fix these and check the file again` });
  return page;
}

/** File order: by line and column; issues without a position last, in the order found. */
function sortIssues(issues: PlanIssue[]): PlanIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity)
      || (a.issue.column ?? Infinity) - (b.issue.column ?? Infinity)
      || a.index - b.index)
    .map((e) => e.issue);
}
