import { AcknowledgementOrigin, AssessmentSummary, UnusedAcknowledgement, Verdict, VmAssessment } from '../assessment/types';
import { NO_WAVE, ReportSource, UNSCHEDULED, waveLabel } from './source';

/*
 * How every report words and counts what it shows: plurals, verdicts and their counts, the VMs of each
 * wave by verdict, the place of an unused acknowledgement. Each renderer only escapes and marks up.
 */

/**
 * The form of a noun for a count: `one` for exactly one thing, `many` for any other count, zero too.
 *
 * @example pluralForm(3, 'VM') === 'VMs'; pluralForm(1, 'needs', 'need') === 'needs'
 */
export function pluralForm(count: number, one: string, many: string = `${one}s`): string {
  return count === 1 ? one : many;
}

/**
 * A count and its noun, in that form: `1 VM`, `3 VMs`, `0 VMs`; `many` gives an irregular plural.
 *
 * @example plural(2, 'VM ready with conditions', 'VMs ready with conditions') === '2 VMs ready with conditions'
 */
export function plural(count: number, one: string, many?: string): string {
  return `${count} ${pluralForm(count, one, many)}`;
}

/** The verdicts in the order every report lists them: ready first, unknown last. */
export const VERDICTS: readonly Verdict[] = [Verdict.READY, Verdict.READY_WITH_CONDITIONS, Verdict.NOT_READY, Verdict.UNKNOWN];

/** A verdict as reports write it after a count, in lower case: `5 ready with conditions`. */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  [Verdict.READY]: 'ready',
  [Verdict.READY_WITH_CONDITIONS]: 'ready with conditions',
  [Verdict.NOT_READY]: 'not ready',
  [Verdict.UNKNOWN]: 'unknown',
};

/** How many VMs (or connectors) have each verdict. */
export type VerdictCounts = Record<Verdict, number>;

/** Counts VMs or connectors by verdict. */
export function countVerdicts(subjects: readonly { readonly verdict: Verdict }[]): VerdictCounts {
  const counts: VerdictCounts = { [Verdict.READY]: 0, [Verdict.READY_WITH_CONDITIONS]: 0, [Verdict.NOT_READY]: 0, [Verdict.UNKNOWN]: 0 };
  for (const subject of subjects) {
    counts[subject.verdict] += 1;
  }
  return counts;
}

/** A summary's counts of VMs, by verdict. */
export function summaryVerdicts(summary: AssessmentSummary): VerdictCounts {
  return {
    [Verdict.READY]: summary.ready,
    [Verdict.READY_WITH_CONDITIONS]: summary.readyWithConditions,
    [Verdict.NOT_READY]: summary.notReady,
    [Verdict.UNKNOWN]: summary.unknown,
  };
}

/** The summary of every plan together: the counts of all their VMs. */
export function sumSummaries(sources: readonly ReportSource[]): AssessmentSummary {
  const total = { vms: 0, ready: 0, readyWithConditions: 0, notReady: 0, unknown: 0 };
  for (const { assessment: { summary } } of sources) {
    total.vms += summary.vms;
    total.ready += summary.ready;
    total.readyWithConditions += summary.readyWithConditions;
    total.notReady += summary.notReady;
    total.unknown += summary.unknown;
  }
  return total;
}

/** How `describeVerdicts` writes counts. */
export interface DescribeVerdictsOptions {
  /**
   * Marks up one count and its verdict, such as `5 not ready` (a terminal colours it).
   *
   * @default - as is
   */
  readonly paint?: (verdict: Verdict, text: string) => string;
  /**
   * Leaves out the verdicts no one has.
   *
   * @default false
   */
  readonly omitZero?: boolean;
}

/**
 * Counts by verdict as a phrase, in the order of `VERDICTS`: `14 ready, 5 ready with conditions, 5 not ready, 1 unknown`.
 */
export function describeVerdicts(counts: VerdictCounts, options: DescribeVerdictsOptions = {}): string {
  const paint = options.paint ?? ((_verdict: Verdict, text: string): string => text);
  return VERDICTS.filter((v) => !options.omitZero || counts[v] > 0)
    .map((v) => paint(v, `${counts[v]} ${VERDICT_WORDS[v]}`))
    .join(', ');
}

/** The VMs of one wave, by verdict. */
export interface WaveTally {
  /** The wave as reports show it (`UNSCHEDULED` for the VMs in none of a plan that uses waves, `NO_WAVE` for a plan that names none). */
  readonly wave: string;
  /** How many VMs it holds. */
  readonly vms: number;
  /** How many of them have each verdict. */
  readonly verdicts: VerdictCounts;
}

/**
 * The VMs of each wave counted by verdict, the waves in the order the plan first names them, and the
 * unscheduled VMs (in no wave) last: they are the ones left to schedule.
 */
export function tallyWaves(vms: readonly VmAssessment[]): WaveTally[] {
  const waves = new Map<string, VmAssessment[]>();
  for (const vm of vms) {
    const wave = waveLabel(vm.vm.wave, vm.unscheduled);
    const members = waves.get(wave);
    if (members === undefined) {
      waves.set(wave, [vm]);
    } else {
      members.push(vm);
    }
  }
  return [...waves.entries()]
    .sort(([a], [b]) => Number(a === NO_WAVE || a === UNSCHEDULED) - Number(b === NO_WAVE || b === UNSCHEDULED))
    .map(([wave, members]) => ({ wave, vms: members.length, verdicts: countVerdicts(members) }));
}

/** How `unusedAcknowledgementPlace` writes names, and in which words. */
export interface PlaceOptions {
  /**
   * Writes a VM name or a construct path as the report's format needs it (escaped, marked up).
   *
   * @default - as is
   */
  readonly show?: (text: string) => string;
  /**
   * Writes one name glob of the VMs an acknowledgement covers.
   *
   * @default - as `show` writes names
   */
  readonly showGlob?: (text: string) => string;
  /**
   * Words for a table cell that says where, rather than for a sentence: `VM web-01` for `on VM web-01`, and a
   * comma before the globs covered (`plan-wide, for db-*`).
   *
   * @default false
   */
  readonly cell?: boolean;
}

/**
 * Where an acknowledgement that matched nothing was written, as reports say it: `on VM web-01`,
 * `plan-wide for db-*, app-*` or `plan-wide` for one in the plan; `given in code on App/Migration for db-*`
 * or `given with CDK's acknowledgement on App/Migration/wave-1` for the others. In a cell: `VM web-01`,
 * `plan-wide, for db-*`, `given in code on App/Migration, for db-*`.
 */
export function unusedAcknowledgementPlace(ack: UnusedAcknowledgement, options: PlaceOptions = {}): string {
  const show = options.show ?? ((text: string): string => text);
  const showGlob = options.showGlob ?? show;
  if (ack.vm !== undefined) {
    return `${options.cell ? 'VM' : 'on VM'} ${show(ack.vm)}`;
  }
  const covers = ack.vms !== undefined && ack.vms.length > 0 ? `${options.cell ? ',' : ''} for ${ack.vms.map(showGlob).join(', ')}` : '';
  const on = ack.at !== undefined ? ` on ${show(ack.at)}` : '';
  if (ack.origin === AcknowledgementOrigin.CODE) {
    return `given in code${on}${covers}`;
  }
  if (ack.origin === AcknowledgementOrigin.CDK) {
    return `given with CDK's acknowledgement${on}${covers}`;
  }
  return `plan-wide${covers}`;
}
