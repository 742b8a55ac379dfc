/**
 * The contract between the cutover runbook's state machine (`MgnCutoverRunbook`) and its Lambda function:
 * step names, payload and result keys, error names, where the bundle is. Both sides import these
 * constants; this file imports nothing, so the function's bundle stays free of aws-cdk-lib.
 */

/** The steps the function runs, named in each task's payload (`step`). */
export const RunbookSteps = {
  /** a. Whether every server of the wave is READY_FOR_TEST (or past it): one poll. */
  READY: 'ready',
  /** b. StartTest for the servers that are READY_FOR_TEST, and those whose last test launch failed. */
  LAUNCH_TEST: 'launch-test',
  /** c. One poll of the test jobs (starting what waited for room in MGN's jobs); fails naming failed launches. */
  TEST_JOBS: 'test-jobs',
  /** e. ChangeServerLifeCycleState READY_FOR_CUTOVER for each tested server. */
  READY_FOR_CUTOVER: 'ready-for-cutover',
  /** f. StartCutover for the servers that are READY_FOR_CUTOVER, and those whose last cutover launch failed. */
  LAUNCH_CUTOVER: 'launch-cutover',
  /** f. One poll of the cutover jobs, as TEST_JOBS. */
  CUTOVER_JOBS: 'cutover-jobs',
  /** h. FinalizeCutover for each server cut over. */
  FINALIZE: 'finalize',
  /** i. MarkAsArchived for the servers, ArchiveApplication, ArchiveWave. */
  ARCHIVE: 'archive',
  /** d, g. An approval is asked for: the function logs the task token and how to answer it. */
  APPROVAL: 'approval',
} as const;

/** Keys of the function's event. */
export const RunbookEventKeys = {
  /** One of RunbookSteps. */
  STEP: 'step',
  /** The wave's name in MGN (case-insensitive). */
  WAVE_NAME: 'waveName',
  /** APPROVAL only: the task token to answer. */
  TASK_TOKEN: 'taskToken',
  /** APPROVAL only: what is to be approved (`test accepted`, `cutover accepted`). */
  APPROVAL: 'approval',
  /** APPROVAL only: the execution's ARN, for the message. */
  EXECUTION: 'execution',
} as const;

/** Keys of the function's result. */
export const RunbookResultKeys = {
  /** True when the step has nothing left to wait for. */
  COMPLETE: 'complete',
  /** One line saying where the wave stands. */
  SUMMARY: 'summary',
} as const;

/**
 * The names of the errors the function fails with (the state machine's `Error`, its message the `Cause`).
 * Only MGN_UNAVAILABLE is worth a retry: the others need a person.
 */
export const RunbookErrors = {
  /** No such wave, an archived wave, a wave with no server. */
  INPUT: 'RunbookInputError',
  /** A server is not where the step needs it (not tested, not cut over, ...). */
  STATE: 'RunbookStateError',
  /** A test or cutover launch failed: the message names each server and MGN's reason. */
  LAUNCH_FAILED: 'LaunchFailed',
  /** MGN refused a call. */
  MGN_CALL_FAILED: 'MgnCallFailed',
  /** MGN throttled or failed a call until the function's time ran out. */
  MGN_UNAVAILABLE: 'MgnUnavailable',
} as const;

/** The folder beside this file holding the function's bundle (`index.js`), written by `npm run build`. */
export const RUNBOOK_BUNDLE_DIR = 'bundle';

/** The function's handler in the bundle. */
export const RUNBOOK_HANDLER = 'index.handler';
