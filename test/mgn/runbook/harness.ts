import {
  AssociateApplicationsCommand, AssociateSourceServersCommand, CreateApplicationCommand, CreateWaveCommand, MgnClient,
} from '@aws-sdk/client-mgn';
import { RunbookContext, ServerProgress } from '../../../lib/mgn/runbook/context';
import { StepResult } from '../../../lib/mgn/runbook/result';
import { runStep } from '../../../lib/mgn/runbook/steps';
import { MgnEmulator, MgnEmulatorOptions } from '../../support/mgn-emulator';
import { mgnClient, start } from '../../mgn-emulator/helpers';

/** The retry tunables, shrunk for tests. */
export const RETRY_ENV = { CDK_SMS_RETRY_BASE_MS: '1', CDK_SMS_RETRY_MAX_MS: '4', CDK_SMS_RETRY_BUDGET_MS: '5000' };

/** The tag the deploy path puts on each server. */
export const VM_TAG = 'cdk-sms-migration:vm';

/** What a runbook test file gets from {@link useRunbookEmulator}. */
export interface RunbookHarness {
  emu(): MgnEmulator;
  /** A client of the emulator, for arranging state. */
  mgn(): MgnClient;
  /** A fresh context over a real SDK client (one attempt per call), collecting progress. */
  context(): { ctx: RunbookContext; progress: ServerProgress[] };
}

/** A fresh MGN emulator for each test (Region eu-west-1, initialized), with tiny retry delays. */
export function useRunbookEmulator(options: MgnEmulatorOptions = {}): RunbookHarness {
  let emu: MgnEmulator | undefined;
  let own: MgnClient | undefined;
  const saved = { ...process.env };
  beforeEach(async () => {
    emu = await start({ region: 'eu-west-1', initialized: true, seed: 3, ...options });
    Object.assign(process.env, RETRY_ENV);
    own = mgnClient();
  });
  afterEach(async () => {
    expect(emu?.diagnostics).toEqual([]);
    await emu?.close();
    process.env = { ...saved };
  });
  return {
    emu: () => emu as MgnEmulator,
    mgn: () => own as MgnClient,
    context: () => {
      const progress: ServerProgress[] = [];
      return { ctx: new RunbookContext({ client: mgnClient(), progress: (s) => progress.push(s) }), progress };
    },
  };
}

/**
 * A wave in MGN holding `servers`, in applications of at most 200 servers (`<wave>-app-<n>`), as the deploy path
 * makes it.
 */
export async function makeWave(mgn: MgnClient, name: string, servers: readonly string[]): Promise<string> {
  const wave = await mgn.send(new CreateWaveCommand({ name }));
  for (let i = 0; i * 200 < Math.max(servers.length, 1); i++) {
    const app = await mgn.send(new CreateApplicationCommand({ name: `${name}-app-${i}` }));
    const members = servers.slice(i * 200, (i + 1) * 200);
    for (let j = 0; j < members.length; j += 50) {
      await mgn.send(new AssociateSourceServersCommand({ applicationID: app.applicationID, sourceServerIDs: members.slice(j, j + 50) }));
    }
    await mgn.send(new AssociateApplicationsCommand({ waveID: wave.waveID, applicationIDs: [app.applicationID!] }));
  }
  return wave.waveID!;
}

/** Runs a polling step until it is complete, at most `polls` times; answers every result. */
export async function until(ctx: RunbookContext, step: string, waveName: string, polls = 10): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (let i = 0; i < polls; i++) {
    const result = await runStep(ctx, step, waveName);
    results.push(result);
    if (result.complete) {
      return results;
    }
  }
  throw new Error(`${step} was not complete after ${polls} polls: ${results[results.length - 1]?.summary}`);
}

/** The message and name of a rejected promise. */
export async function failure(promise: Promise<unknown>): Promise<Error & { kind?: string }> {
  try {
    await promise;
  } catch (e) {
    return e as Error & { kind?: string };
  }
  throw new Error('expected a failure');
}
