import { RunbookErrors } from './api';

/** What went wrong, which decides the CLI's exit status and the state machine's error name. */
export type RunbookErrorKind = 'input' | 'state' | 'launch' | 'mgn' | 'unavailable';

const NAMES: Readonly<Record<RunbookErrorKind, string>> = {
  input: RunbookErrors.INPUT,
  state: RunbookErrors.STATE,
  launch: RunbookErrors.LAUNCH_FAILED,
  mgn: RunbookErrors.MGN_CALL_FAILED,
  unavailable: RunbookErrors.MGN_UNAVAILABLE,
};

/**
 * A runbook step that cannot go on. Its message is the whole story in one line (no SDK error is wrapped, so
 * no stack or request detail reaches a person); its name is one of {@link RunbookErrors}.
 */
export class RunbookError extends Error {
  constructor(public readonly kind: RunbookErrorKind, message: string) {
    super(message);
    this.name = NAMES[kind];
  }
}

/** True for a RunbookError of any copy of this module (the CLI and the function bundle each hold one). */
export function isRunbookError(e: unknown): e is RunbookError {
  return e instanceof Error && Object.values(NAMES).includes(e.name) && typeof (e as { kind?: unknown }).kind === 'string';
}
