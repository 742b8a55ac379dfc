import { Finding, FindingOutcome, PlanAssessment } from '../assessment/types';
import { Severity } from '../assessment/rule';

/** A place in a plan file, 1-based, as the plan loader computes it. */
export interface ReportLocation {
  readonly line: number;
  readonly column: number;
}

/**
 * One assessed plan, as every report renderer takes it: the assessment and where it came from.
 *
 * The renderers are pure: they never read the file; `locate` answers where a part of the plan is
 * (the SARIF report points into the file with it).
 *
 * TypeScript and JavaScript only (read and written by the report functions, which jsii does not
 * export): not in the jsii assembly.
 *
 * @jsii ignore
 */
export interface ReportSource {
  /** The plan file as the user named it (a path relative to where the command runs, or absolute). */
  readonly file: string;
  /** The assessment of the plan. */
  readonly assessment: PlanAssessment;
  /**
   * Where a part of the plan is in the file, given its path (`['vms', 3]` is the fourth VM's entry).
   *
   * @default - no locations
   */
  readonly locate?: (path: readonly (string | number)[]) => ReportLocation | undefined;
}

/** Options every renderer takes. */
export interface RenderOptions {
  /**
   * When the report was made: written into reports that carry a time (HTML, JUnit, SARIF).
   *
   * @default - now
   */
  readonly generatedAt?: Date;
}

/**
 * What a finding is, as a person reads it, in the order reports sort findings: an unacknowledged
 * error first, then warnings, rules that could not decide, acknowledged findings, and information
 * (what SMS will change during the migration) last.
 */
export enum FindingKind {
  ERROR = 'error',
  WARNING = 'warning',
  UNKNOWN = 'unknown',
  ACKNOWLEDGED = 'acknowledged',
  INFO = 'info',
}

const KIND_ORDER: readonly FindingKind[] = [
  FindingKind.ERROR, FindingKind.WARNING, FindingKind.UNKNOWN, FindingKind.ACKNOWLEDGED, FindingKind.INFO,
];

/**
 * The kind of a finding. An unknown reported as an error (`--unknown error`) is an error: it fails
 * like one. A refused acknowledgement leaves an error an error.
 */
export function findingKind(finding: Finding): FindingKind {
  if (finding.severity === Severity.INFO) {
    return FindingKind.INFO;
  }
  if (finding.acknowledged) {
    return FindingKind.ACKNOWLEDGED;
  }
  if (finding.severity === Severity.ERROR) {
    return FindingKind.ERROR;
  }
  return finding.outcome === FindingOutcome.UNKNOWN ? FindingKind.UNKNOWN : FindingKind.WARNING;
}

/** Findings sorted by kind (errors first), keeping the catalogue's order within a kind. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index, rank: KIND_ORDER.indexOf(findingKind(finding)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.finding);
}

/** How many findings of each kind. */
export type KindCounts = Record<FindingKind, number>;

/** Counts findings by kind. */
export function countKinds(findings: readonly Finding[]): KindCounts {
  const counts: KindCounts = {
    [FindingKind.ERROR]: 0, [FindingKind.WARNING]: 0, [FindingKind.UNKNOWN]: 0,
    [FindingKind.ACKNOWLEDGED]: 0, [FindingKind.INFO]: 0,
  };
  for (const finding of findings) {
    counts[findingKind(finding)] += 1;
  }
  return counts;
}

/** The name reports give the wave of a VM that names none in a plan that names none (one wave, deployed whole). */
export const NO_WAVE = '(no wave)';

/**
 * The name reports give the wave of an unscheduled VM: one without a wave in a plan that uses waves,
 * assessed and reported but neither deployed nor counted against the job quota.
 */
export const UNSCHEDULED = '(unscheduled)';

/** Whether the plan schedules a VM in a wave: an empty wave name schedules it in none. */
export function inWave(wave: string | undefined): wave is string {
  return wave !== undefined && wave !== '';
}

/** A VM's wave as reports show it; `unscheduled` is the assessment's word for the VM (`VmAssessment.unscheduled`). */
export function waveLabel(wave: string | undefined, unscheduled?: boolean): string {
  if (inWave(wave)) {
    return wave;
  }
  return unscheduled ? UNSCHEDULED : NO_WAVE;
}

/** The version of this package, for reports that name the tool that made them. */
export function toolVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
