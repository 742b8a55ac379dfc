import { assessPlan } from '../../rules';
import { PlanAssessment, UnknownPolicy, Verdict } from '../../assessment/types';
import { failsPolicy } from '../../assessment/verdict';
import { loadPlanFile, LoadedPlan, PlanFileError } from '../../plan';
import { knownRuleIds } from '../../rules';
import { isReportFormat, renderReportChunks } from '../../report/format';
import { ReportSource } from '../../report/source';
import { renderTable } from '../../report/table';
import { batched, CliIo, UsageError, useColor, writeFileAtomically } from '../io';
import { ASSESS_FORMATS } from '../formats';

export { ASSESS_FORMATS };

/** Options of the `assess` command, as parsed. */
export interface AssessCommandOptions {
  readonly format: string;
  readonly output?: string;
  readonly strict?: boolean;
  readonly unknown: string;
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
  const ruleIds = knownRuleIds();
  const loaded: LoadedPlan[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      loaded.push(loadPlanFile(file, { ruleIds }));
    } catch (e) {
      if (e instanceof PlanFileError) {
        problems.push(e.message);
      } else {
        throw e;
      }
    }
  }
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\n`);
    return 2;
  }

  const policy = { unknown: options.unknown as UnknownPolicy, strict: options.strict === true };
  const now = new Date();
  const results: ReportSource[] = loaded.map((plan) => ({
    file: plan.file,
    assessment: assessPlan(plan.plan, { ...policy, now }),
    locate: (at) => plan.locate(at),
  }));

  const color = options.output === undefined && useColor(io);
  const chunks = isReportFormat(options.format)
    ? renderReportChunks(options.format, results, { generatedAt: now })
    : [results.map((r) => renderTable(r.assessment, { color, title: results.length > 1 ? r.file : undefined })).join('\n')];
  if (options.output !== undefined) {
    writeFileAtomically(options.output, chunks);
  } else {
    for (const batch of batched(chunks)) {
      io.stdout(batch);
    }
  }
  return results.some((r) => fails(r.assessment)) ? 1 : 0;
}

function fails(assessment: PlanAssessment): boolean {
  const subjects = [...assessment.vms, ...assessment.connectors];
  return subjects.some((s) => s.verdict === Verdict.NOT_READY || failsPolicy(s.findings, assessment.policy));
}
