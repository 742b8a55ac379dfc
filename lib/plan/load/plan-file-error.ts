import { visibleControls } from '../../private/visible-controls';
import { clipValue, clipValues, MAX_MESSAGE } from '../../private/clip';

/**
 * One problem found in a plan file.
 */
export interface PlanIssue {
  /** The plan file, as the caller named it. */
  readonly file: string;
  /**
   * The field the problem is about, in the plan's own notation (`vms[3].os.family`); `''` for the
   * whole file. For a missing field it is the path the field should have; for an unknown field,
   * the path it has.
   */
  readonly path: string;
  /**
   * 1-based line of the problem in the file.
   *
   * @default - unknown (the problem is about the whole file, or its position could not be found)
   */
  readonly line?: number;
  /**
   * 1-based column, counted in UTF-16 code units as editors do.
   *
   * @default - unknown
   */
  readonly column?: number;
  /** What is wrong and what is expected: lowercase, no trailing period. */
  readonly message: string;
}

/**
 * Formats one issue as `FILE:LINE:COLUMN: PATH: MESSAGE`, leaving out the parts that are unknown
 * (the path of a whole-file problem is empty, so `FILE: MESSAGE`).
 */
export function formatPlanIssue(issue: PlanIssue): string {
  let where = visibleControls(issue.file);
  if (issue.line !== undefined) {
    where += `:${issue.line}`;
    if (issue.column !== undefined) {
      where += `:${issue.column}`;
    }
  }
  // A message quotes the plan (a name, a value): its control characters must not reach the terminal raw.
  // Long values (a 100 MiB name) are cut: a message is one readable line.
  const message = visibleControls(clipValue(clipValues(issue.message), MAX_MESSAGE));
  return issue.path === '' ? `${where}: ${message}` : `${where}: ${visibleControls(clipValue(clipValues(issue.path), MAX_MESSAGE))}: ${message}`;
}

/**
 * A plan file that cannot be used: it cannot be read, it is not valid JSON or YAML, or it breaks the
 * plan schema or the plan's own consistency (duplicate names, unknown connectors or rule ids).
 *
 * Every problem found is in `issues`; `message` lists them one per line as
 * `FILE:LINE:COLUMN: PATH: MESSAGE`, so printing the error is enough for a command line.
 *
 * TypeScript and JavaScript only: jsii cannot represent a subclass of `Error`, so the class is not in
 * the jsii assembly; from Python the error arrives as the runtime's own exception carrying the message.
 *
 * @jsii ignore
 */
export class PlanFileError extends Error {
  /** Every problem found, in the order they appear in the file. */
  public readonly issues: PlanIssue[];

  constructor(issues: PlanIssue[]) {
    super(issues.map(formatPlanIssue).join('\n'));
    this.name = 'PlanFileError';
    this.issues = issues;
    Object.setPrototypeOf(this, PlanFileError.prototype);
  }

  /** The plan file the issues are about (the first issue's file). */
  public get file(): string {
    return this.issues[0]?.file ?? '';
  }
}
