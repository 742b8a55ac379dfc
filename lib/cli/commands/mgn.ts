import { setTimeout as sleep } from 'timers/promises';
import { MgnClient } from '@aws-sdk/client-mgn';
import { RunbookSteps } from '../../mgn/runbook/api';
import { RunbookContext, ServerProgress } from '../../mgn/runbook/context';
import { isRunbookError } from '../../mgn/runbook/errors';
import { StepResult } from '../../mgn/runbook/result';
import { runStep } from '../../mgn/runbook/steps';
import { loadPlanFile, LoadedPlan, PlanFileError } from '../../plan';
import { planWaves } from '../../plan/model/waves';
import { visibleControls } from '../../private/visible-controls';
import { CliIo, UsageError } from '../io';

/**
 * `cdk-sms mgn test|cutover|finalize --wave <name> [plan]`: the cutover runbook of one MGN wave, run from a
 * terminal or a pipeline, with the same steps as the `MgnCutoverRunbook` state machine (lib/mgn/runbook).
 * The approvals are the person (or pipeline stage) that runs the next verb.
 *
 * - `test`: wait until every server is READY_FOR_TEST, launch the test instances, wait for the jobs;
 * - `cutover`: mark the servers ready for cutover, launch the cutover instances, wait for the jobs;
 * - `finalize`: finalize the cutover, archive the servers, the wave's applications and the wave.
 *
 * Each server's progress is printed when it changes; the last line is the summary. Every verb can be run
 * again: what is done is not done twice.
 */

/** The runbook's verbs. */
export const MGN_VERBS = ['test', 'cutover', 'finalize'] as const;

/** Exit statuses (3 is the tool's own fault, in run.ts). */
export const MgnExit = {
  DONE: 0,
  INPUT: 2,
  /** A call to MGN failed, or a server's launch failed. */
  FAILED: 4,
  /** The wait ended (`--timeout`, or `--no-wait` while servers are not ready) before the verb was done. */
  NOT_DONE: 5,
} as const;

/** Options of the verbs, as parsed. */
export interface MgnCommandOptions {
  readonly wave: string;
  readonly region?: string;
  /** False with `--no-wait`. */
  readonly wait: boolean;
  /** The longest wait of the verb, such as `2h`. */
  readonly timeout: string;
  /** The wait between two polls, such as `30s`. */
  readonly interval: string;
}

/** What the verbs use, replaceable by tests. */
export interface MgnCommandDependencies {
  /** The MGN client of a Region. @default - an MgnClient from the standard environment, one attempt per call (the runbook retries) */
  readonly client?: (region: string) => MgnClient;
  /** Waits between polls. @default - a timer */
  readonly sleep?: (ms: number) => Promise<void>;
}

const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `15m`, `4h`, `2d` in milliseconds; a UsageError naming the option otherwise. */
export function parseDuration(option: string, text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) {
    throw new UsageError(`${option} ${text} is not a duration: use a whole number and s, m, h or d, such as 30s, 15m, 4h or 2d`);
  }
  return Number(match[1]) * UNITS[match[2]];
}

/** Runs one verb and returns its exit status. */
export async function mgnCommand(verb: string, plan: string | undefined, options: MgnCommandOptions, io: CliIo,
  deps: MgnCommandDependencies = {}): Promise<number> {
  const timeoutMs = parseDuration('--timeout', options.timeout);
  const intervalMs = parseDuration('--interval', options.interval);
  const waveName = options.wave.trim();
  if (waveName === '') {
    throw new UsageError('--wave is empty: give the name of a wave in MGN');
  }
  let loaded: LoadedPlan | undefined;
  if (plan !== undefined) {
    try {
      loaded = loadPlanFile(plan);
    } catch (e) {
      if (e instanceof PlanFileError) {
        io.stderr(`${e.message}\n`);
        return MgnExit.INPUT;
      }
      throw e;
    }
    const names = planWaves(loaded.plan.vms).waves.map((w) => w.name).filter((n): n is string => n !== undefined);
    if (names.length > 0 && !names.some((n) => n.toLowerCase() === waveName.toLowerCase())) {
      throw new UsageError(`--wave ${waveName} is not a wave of ${plan}: its waves are ${names.join(', ')}`);
    }
  }
  // The wave's own Region in the plan (waves[].region) beats the environment's: the plan says where it migrates.
  const waveRegion = loaded?.plan.waves?.find((w) => w.name.toLowerCase() === waveName.toLowerCase())?.region;
  const region = options.region ?? waveRegion ?? nonEmpty(io.env.AWS_REGION) ?? nonEmpty(io.env.AWS_DEFAULT_REGION) ?? loaded?.plan.mgn?.region;
  if (region === undefined) {
    throw new UsageError('no Region: give --region, set AWS_REGION, or give a plan whose mgn.region says it');
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) {
    throw new UsageError(`--region ${region} is not a Region code such as eu-west-1`);
  }

  const shown = new Map<string, string>();
  const ctx = new RunbookContext({
    client: (deps.client ?? ((r: string) => new MgnClient({ region: r, maxAttempts: 1 })))(region),
    env: io.env,
    progress: (s) => show(io, shown, s),
  });
  const pause = deps.sleep ?? ((ms: number) => sleep(ms).then(() => undefined));
  const polls = Math.max(1, Math.ceil(timeoutMs / intervalMs));
  const waitFor = async (step: string): Promise<StepResult> => {
    for (let poll = 1; ; poll++) {
      const result = await runStep(ctx, step, waveName);
      if (result.complete || !options.wait || poll > polls) {
        return result;
      }
      await pause(intervalMs);
    }
  };
  const prefix = `cdk-sms mgn ${verb}`;
  try {
    let last: StepResult;
    if (verb === 'test') {
      last = await waitFor(RunbookSteps.READY);
      if (!last.complete) {
        return notDone(io, prefix, options, last);
      }
      last = await runStep(ctx, RunbookSteps.LAUNCH_TEST, waveName);
      last = options.wait ? await waitFor(RunbookSteps.TEST_JOBS) : last;
    } else if (verb === 'cutover') {
      await runStep(ctx, RunbookSteps.READY_FOR_CUTOVER, waveName);
      last = await runStep(ctx, RunbookSteps.LAUNCH_CUTOVER, waveName);
      last = options.wait ? await waitFor(RunbookSteps.CUTOVER_JOBS) : last;
    } else {
      await runStep(ctx, RunbookSteps.FINALIZE, waveName);
      last = await runStep(ctx, RunbookSteps.ARCHIVE, waveName);
    }
    if (!last.complete) {
      return options.wait ? notDone(io, prefix, options, last) : started(io, prefix, last);
    }
    io.stdout(`${prefix}: done: ${visibleControls(last.summary)}\n`);
    return MgnExit.DONE;
  } catch (e) {
    if (!isRunbookError(e)) {
      throw e;
    }
    io.stderr(`${prefix}: ${visibleControls(e.message)}\n`);
    return e.kind === 'input' || e.kind === 'state' ? MgnExit.INPUT : MgnExit.FAILED;
  }
}

/** Prints a server's line when what it says changed. */
function show(io: CliIo, shown: Map<string, string>, s: ServerProgress): void {
  const text = `${s.vmName}  ${s.sourceServerId}  ${s.state}  ${s.outcome}`;
  if (shown.get(s.sourceServerId) !== text) {
    shown.set(s.sourceServerId, text);
    io.stdout(`${visibleControls(text)}\n`);
  }
}

function notDone(io: CliIo, prefix: string, options: MgnCommandOptions, last: StepResult): number {
  const why = options.wait ? `not done after ${options.timeout}` : 'not ready (--no-wait)';
  io.stdout(`${prefix}: ${why}: ${visibleControls(last.summary)}; run it again to go on\n`);
  return MgnExit.NOT_DONE;
}

function started(io: CliIo, prefix: string, last: StepResult): number {
  io.stdout(`${prefix}: started, not waited for (--no-wait): ${visibleControls(last.summary)}; run it again to wait\n`);
  return MgnExit.DONE;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
