import { DescribeSourceServersCommand, MgnClient } from '@aws-sdk/client-mgn';
import { captureInvocationLogs } from '../../support/cfn-driver';
import { createRng } from '../../support/sms-emulator/prng';
import { MgnE2eHarness, startMgnHarness } from './harness';
import { SHARES, appear, expectExactlyWhatTheLifecyclesLeft, plan, runAll } from './lifecycles';

/**
 * The fault run's lifecycles against an MGN whose listings lag (mgn-api.md §7: eventual consistency): every
 * wave, application and server MGN makes is missing from the first List/Describe call after it, on top of
 * the fault run's throttling, 5xx, lost responses and dropped connections. A server resource then looks for
 * the application its wave resource has just made, and a create whose answer was lost meets a conflict
 * for a name MGN does not list yet: every lifecycle must still succeed, leaving exactly what it should.
 */

jest.setTimeout(60_000);

const SEED = 20_261_207;
const LIFECYCLES = 100;
const CONCURRENCY = 16;

let h: MgnE2eHarness;
let restoreLogs: () => void;

beforeAll(async () => {
  h = await startMgnHarness({ seed: SEED, initialized: true, invisibleReads: 1, requestLogLimit: 100_000 });
  restoreLogs = captureInvocationLogs();
});

afterEach(() => {
  expect(h.emu.diagnostics).toEqual([]);
  expect(h.emu.requests.filter((r) => r.unknownMembers.length > 0)).toEqual([]);
});

afterAll(async () => {
  restoreLogs?.();
  await h?.stop();
});

test(`${LIFECYCLES} lifecycles, ${CONCURRENCY} at a time, against lagging listings and the fault run's faults`, async () => {
  // GIVEN every lifecycle's server, listed once already (MGN has shown them), then faults on both endpoints
  const emu = h.emu;
  const driver = h.driver('MgnConsistencyRun');
  const plans = plan(createRng(SEED, 'mgn-consistency-run'), LIFECYCLES, 0);
  const seeded = plans.map((p) => appear(emu, p));
  const client = new MgnClient({ maxAttempts: 1 });
  try {
    expect((await client.send(new DescribeSourceServersCommand({}))).items ?? []).toEqual([]);
  } finally {
    client.destroy();
  }
  emu.faults.chaos(SHARES);
  emu.ec2Faults.chaos(SHARES);

  // WHEN
  const results = await runAll(emu, driver, plans, seeded, CONCURRENCY);
  emu.faults.clear();
  emu.ec2Faults.clear();

  // THEN every lifecycle succeeded, some after waiting for a listing to show what MGN had made
  expect(results.flatMap((r) => r.problems)).toEqual([]);
  expectExactlyWhatTheLifecyclesLeft(emu, plans, results);
  expect(driver.stackResources).toEqual([]);
});
