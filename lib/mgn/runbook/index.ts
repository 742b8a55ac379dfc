import { MgnClient } from '@aws-sdk/client-mgn';
import { describeError } from '../../handler-common/errors';
import { LambdaContext } from '../../handler-common/event';
import { logLine } from '../../handler-common/log';
import { Defaults, Env, envMs } from '../../handler-common/settings';
import { RunbookEventKeys, RunbookResultKeys, RunbookSteps } from './api';
import { RunbookContext } from './context';
import { RunbookError, isRunbookError } from './errors';
import { runStep } from './steps';

/**
 * The cutover runbook's Lambda function: one step of one wave per invocation (api.ts `RunbookSteps`), called
 * by the `MgnCutoverRunbook` state machine. It answers `{ complete, summary }`, or fails with one of
 * `RunbookErrors` and a one-line message (the execution's error and cause). Each server's progress is one
 * JSON line in its log.
 *
 * The MGN client is made once per container from the standard environment (AWS_REGION, the function's role,
 * AWS_ENDPOINT_URL_MGN), with one attempt per call: the steps retry themselves.
 */

export { RunbookContext } from './context';
export type { ServerProgress, RunbookContextOptions } from './context';
export { RunbookError, isRunbookError } from './errors';
export type { RunbookErrorKind } from './errors';
export type { StepResult } from './result';
export * from './steps';
export * from './api';

/** The event of one task. */
export interface RunbookEvent {
  readonly [RunbookEventKeys.STEP]: string;
  readonly [RunbookEventKeys.WAVE_NAME]: string;
  readonly [RunbookEventKeys.TASK_TOKEN]?: string;
  readonly [RunbookEventKeys.APPROVAL]?: string;
  readonly [RunbookEventKeys.EXECUTION]?: string;
}

/** What a task answers. */
export interface RunbookTaskResult {
  readonly [RunbookResultKeys.COMPLETE]: boolean;
  readonly [RunbookResultKeys.SUMMARY]: string;
}

let client: MgnClient | undefined;

/** Replaces the function's MGN client, for tests; without an argument, the function makes its own again. */
export function setRunbookClient(replacement?: MgnClient): void {
  client = replacement;
}

/** Runs one step. */
export async function handler(event: RunbookEvent, context?: LambdaContext): Promise<RunbookTaskResult> {
  const step = event[RunbookEventKeys.STEP];
  const waveName = event[RunbookEventKeys.WAVE_NAME];
  if (step === RunbookSteps.APPROVAL) {
    return askForApproval(event);
  }
  client ??= new MgnClient({ maxAttempts: 1 });
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - envMs(Env.RETRY_SAFETY_MS, Defaults.RETRY_SAFETY_MS) : undefined;
  const ctx = new RunbookContext({
    client,
    deadline,
    progress: (s) => logLine('info', { step, waveName, vmName: s.vmName, sourceServerId: s.sourceServerId, state: s.state, outcome: s.outcome }),
  });
  try {
    const result = await runStep(ctx, step, waveName);
    logLine('info', { step, waveName, complete: result.complete, summary: result.summary, retries: ctx.retries });
    return { complete: result.complete, summary: result.summary };
  } catch (e) {
    const error = isRunbookError(e) ? e : new RunbookError('mgn', `step ${step} of wave "${waveName}" failed unexpectedly: ${describeError(e)}`);
    logLine('error', { step, waveName, error: error.message, errorName: error.name, retries: ctx.retries });
    throw error;
  }
}

/**
 * d, g. The state machine waits for this task's token: the function only says, in its log, what is asked and how
 * to answer (the same token is in the execution's history, in this task's input).
 */
function askForApproval(event: RunbookEvent): RunbookTaskResult {
  const token = event[RunbookEventKeys.TASK_TOKEN] ?? '';
  const approval = event[RunbookEventKeys.APPROVAL] ?? 'approval';
  logLine('info', {
    step: RunbookSteps.APPROVAL,
    waveName: event[RunbookEventKeys.WAVE_NAME],
    approval,
    execution: event[RunbookEventKeys.EXECUTION],
    approve: `aws stepfunctions send-task-success --task-token '${token}' --task-output '{}'`,
    reject: `aws stepfunctions send-task-failure --task-token '${token}' --error Rejected --cause '<why>'`,
  });
  return { complete: false, summary: `waiting for: ${approval}` };
}
