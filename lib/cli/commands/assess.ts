import { PlanAssessment, UnknownPolicy, Verdict } from '../../assessment/types';
import { failsPolicy } from '../../assessment/verdict';
import { formatPlanIssue, loadPlanFile, LoadedPlan, PlanFileError } from '../../plan';
import { AssessOptions } from '../../assessment/engine';
import { acknowledgementIssues, assessPlanWithRulePacks } from '../../organization/assess';
import { LoadedPacks, loadPackFiles, withPackErrors } from '../pack-files';
import { knownRuleIds } from '../../rules/packs';
import { isReportFormat, renderReportChunks } from '../../report/format';
import { ReportSource } from '../../report/source';
import { renderTable } from '../../report/table';
import { batched, CliIo, UsageError, useColor, writeFileAtomically } from '../io';
import { ASSESS_FORMATS } from '../formats';
import { compareAssessments, renderComparisonMarkdown, renderComparisonTable } from '../../report/compare';
import { escapeJsonControls } from '../../private/visible-controls';
import { PlanTarget } from '../../plan/model/plan';
import { namesWave, planWaves, WHOLE_PLAN_WAVE } from '../../plan/model/waves';
import { targetOption } from './rules';
import { dayNumber } from '../../rules/mgn/facts/days';

export { ASSESS_FORMATS };

/** Options of the `assess` command, as parsed. */
export interface AssessCommandOptions {
  readonly format: string;
  readonly output?: string;
  /** `--compact`: JSON without indentation or line breaks. */
  readonly compact?: boolean;
  readonly strict?: boolean;
  readonly unknown: string;
  /** `--target`: the service to judge for, whatever the plans say. */
  readonly target?: string;
  /** `--as-of`: the assessment day, YYYY-MM-DD. */
  readonly asOf?: string;
  /** `--compare`: `sms,mgn` judges each plan for both and sets the verdicts side by side. */
  readonly compare?: string;
  /** `--pack`: organisation rule pack files, in the order given. */
  readonly pack?: readonly string[];
  /**
   * `--deployed [waves]`: only the VMs a deployment deploys decide the exit status: those of every wave
   * (`true`), or of the waves listed (a comma-separated string). @default - every VM
   */
  readonly deployed?: boolean | string;
}

/** The formats `--compare` writes. */
const COMPARE_FORMATS: readonly string[] = ['table', 'json', 'markdown'];

/** Checks `--compare`: both targets, each once. */
function compareTargets(value: string, options: AssessCommandOptions): void {
  const targets = value.split(',').map((t) => t.trim().toLowerCase()).sort();
  if (targets.join(',') !== 'mgn,sms') {
    throw new UsageError(`--compare ${value} is not a comparison: use --compare sms,mgn`);
  }
  if (options.target !== undefined) {
    throw new UsageError('--compare judges for both services: leave out --target');
  }
  if (!COMPARE_FORMATS.includes(options.format)) {
    throw new UsageError(`--compare writes ${COMPARE_FORMATS.join(', ')}: --format ${options.format} is not one of them`);
  }
}

/** The moment an assessment is made: the start of the `--as-of` day (UTC), else now. */
export function assessmentMoment(asOf: string | undefined): Date {
  if (asOf === undefined) {
    return new Date();
  }
  const day = dayNumber(asOf);
  if (day === undefined) {
    throw new UsageError(`--as-of ${asOf} is not a day: write it YYYY-MM-DD, such as 2027-02-13`);
  }
  return new Date(day * 86_400_000);
}

/**
 * Loads every plan (all or nothing: one unreadable plan stops the run before anything is written),
 * assesses each, writes the report, and returns the exit status: 0 when nothing fails the policy,
 * 1 when a VM or connector does, 2 for input that cannot be read.
 */
export function assessCommand(files: readonly string[], options: AssessCommandOptions, io: CliIo): number {
  if (!ASSESS_FORMATS.includes(options.format)) {
    throw new UsageError(`--format ${options.format} is not a report format: use one of ${ASSESS_FORMATS.join(', ')}`);
  }
  if (options.unknown !== UnknownPolicy.WARN && options.unknown !== UnknownPolicy.ERROR) {
    throw new UsageError(`--unknown ${options.unknown} is not a policy: use warn or error`);
  }
  if (options.compact === true && options.format !== 'json') {
    throw new UsageError(`--compact lays out JSON: it goes with --format json, not --format ${options.format}`);
  }
  if (options.compare !== undefined) {
    compareTargets(options.compare, options);
  }
  const target = targetOption(options.target);
  const assessedAt = assessmentMoment(options.asOf);
  const packs = loadPackFiles(options.pack);
  const ruleIds = knownRuleIds();
  const loaded: LoadedPlan[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      const plan = loadPlanFile(file, { ruleIds });
      // Acknowledgements of an organisation's rules name rules of the --pack files.
      const issues = acknowledgementIssues(plan.plan, packs.packs, plan.file, (at) => plan.locate(at));
      if (issues.length > 0) {
        problems.push(issues.map(formatPlanIssue).join('\n'));
      } else {
        loaded.push(plan);
      }
    } catch (e) {
      if (e instanceof PlanFileError) {
        problems.push(e.message);
      } else {
        throw e;
      }
    }
  }
  const deployed = deployedWaves(options.deployed);
  problems.push(...loaded.map((plan) => unknownDeployedWaves(plan, deployed)).filter((p): p is string => p !== undefined));
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\n`);
    return 2;
  }

  const policy = { unknown: options.unknown as UnknownPolicy, strict: options.strict === true };
  if (options.compare !== undefined) {
    return writeComparison(loaded, { ...policy, now: assessedAt }, options, io, packs);
  }
  const now = new Date();
  const results: ReportSource[] = loaded.map((plan) => ({
    file: plan.file,
    assessment: judge(plan, packs, { ...policy, now: assessedAt, target }),
    locate: (at) => plan.locate(at),
  }));

  const color = options.output === undefined && useColor(io);
  const chunks = isReportFormat(options.format)
    ? renderReportChunks(options.format, results, { generatedAt: now }, { compact: options.compact === true })
    : [results.map((r) => renderTable(r.assessment, { color, title: results.length > 1 ? r.file : undefined })).join('\n')];
  if (options.output !== undefined) {
    writeFileAtomically(options.output, chunks);
  } else {
    for (const batch of batched(chunks)) {
      io.stdout(batch);
    }
  }
  return results.some((r) => fails(r.assessment, deployed)) ? 1 : 0;
}

/** The waves `--deployed` lists that a plan does not have: a typo would otherwise let every VM pass unseen. */
function unknownDeployedWaves(plan: LoadedPlan, deployed: ReadonlySet<string> | '*' | undefined): string | undefined {
  if (deployed === undefined || deployed === '*') {
    return undefined;
  }
  const waves = planWaves(plan.plan.vms).waves.map((w) => w.name ?? WHOLE_PLAN_WAVE);
  const missing = [...deployed].filter((w) => !waves.includes(w));
  return missing.length === 0 ? undefined
    : `${plan.file}: --deployed names ${missing.map((w) => `"${w}"`).join(', ')}, which the plan has no VM in (waves: ${waves.join(', ') || 'none'})`;
}

/** `--deployed`: undefined (every VM counts), `'*'` (every wave's VMs) or the waves listed. */
function deployedWaves(option: boolean | string | undefined): ReadonlySet<string> | '*' | undefined {
  if (option === undefined || option === false) {
    return undefined;
  }
  if (option === true) {
    return '*';
  }
  const waves = option.split(',').map((w) => w.trim()).filter((w) => w !== '');
  if (waves.length === 0) {
    throw new UsageError('--deployed lists no wave: give wave names separated by commas, or no value for every wave');
  }
  return new Set(waves);
}

/** One plan's assessment, with the organisation packs of the run. */
function judge(plan: LoadedPlan, packs: LoadedPacks, options: AssessOptions): PlanAssessment {
  return withPackErrors(packs, () => assessPlanWithRulePacks(plan.plan, packs.packs, options));
}

/**
 * Whether the assessment fails the policy. With `deployed`, only the VMs a deployment of those waves
 * deploys count (`'*'`: every wave's; a plan that names none is one wave, `all`), as `cdk synth` fails
 * only on them; connectors and the network always count.
 */
function fails(assessment: PlanAssessment, deployed?: ReadonlySet<string> | '*'): boolean {
  const counted = deployed === undefined ? assessment.vms : assessment.vms.filter((vm) => {
    if (vm.unscheduled === true) {
      return false;
    }
    return deployed === '*' || deployed.has(namesWave(vm.vm.wave) ? vm.vm.wave : WHOLE_PLAN_WAVE);
  });
  const subjects = [...counted, ...assessment.connectors, ...(assessment.network !== undefined ? [assessment.network] : [])];
  return subjects.some((s) => s.verdict === Verdict.NOT_READY || failsPolicy(s.findings, assessment.policy));
}

/**
 * `--compare sms,mgn`: each plan judged for both services, VM by VM. Informational: exit 0 whatever
 * the verdicts (2 only for unreadable input, before).
 */
function writeComparison(
  loaded: readonly LoadedPlan[], options: { unknown: UnknownPolicy; strict: boolean; now: Date }, command: AssessCommandOptions, io: CliIo,
  packs: LoadedPacks,
): number {
  const asOf = options.now.toISOString().slice(0, 10);
  const compared = loaded.map((plan) => ({
    file: plan.file,
    vms: compareAssessments(
      judge(plan, packs, { ...options, target: PlanTarget.SMS }),
      judge(plan, packs, { ...options, target: PlanTarget.MGN }),
    ),
  }));
  let text: string;
  if (command.format === 'json') {
    const body = compared.map((c) => ({ file: c.file, asOf, vms: c.vms }));
    text = `${escapeJsonControls(JSON.stringify(body.length === 1 ? body[0] : body, null, command.compact === true ? 0 : 2))}\n`;
  } else if (command.format === 'markdown') {
    text = compared.map((c) => renderComparisonMarkdown(c.file, c.vms, asOf)).join('\n');
  } else {
    text = compared.map((c) => renderComparisonTable(c.file, c.vms, asOf)).join('\n');
  }
  if (command.output !== undefined) {
    writeFileAtomically(command.output, [text]);
  } else {
    io.stdout(text);
  }
  return 0;
}
