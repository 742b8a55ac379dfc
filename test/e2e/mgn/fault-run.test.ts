import * as fs from 'fs';
import { captureInvocationLogs } from '../../support/cfn-driver';
import { createRng } from '../../support/sms-emulator/prng';
import { MgnE2eHarness, startMgnHarness } from './harness';
import { FAULT_KINDS, SHARES, appear, expectExactlyWhatTheLifecyclesLeft, objectCounts, plan, runAll } from './lifecycles';

/**
 * The MGN handler under a hostile MGN and EC2: 200 lifecycles, 16 at a time, each of one wave (with its
 * application) and one source server in it: Create → Update (the server moved to a second application of
 * the wave, its settings and launch template changed, the wave described anew) → Delete, while both
 * endpoints throttle 30% of the calls, answer 5% with a 5xx, drop connections and lose responses after
 * doing the work. Every lifecycle must succeed, and the emulator must end with exactly the servers,
 * applications, waves, memberships and launch-template versions the lifecycles leave: nothing lost,
 * duplicated or orphaned. The run's figures are written to a JSON file when `CDK_SMS_E2E_FIGURES` names one.
 *
 * What each lifecycle does is fixed by SEED; the faults come from the emulators' seeded streams, in the
 * order the calls arrive, which concurrency varies a little from run to run.
 */

jest.setTimeout(120_000);

const SEED = 20_261_206;
const LIFECYCLES = 200;
const CONCURRENCY = 16;
/** Where the run's figures go, when asked for (`CDK_SMS_E2E_FIGURES=file`): never into /tmp unasked. */
const FIGURES_FILE = process.env.CDK_SMS_E2E_FIGURES;

let h: MgnE2eHarness;
let restoreLogs: () => void;
let figures: Record<string, unknown> | undefined;

beforeAll(async () => {
  // Every MGN request is kept, so that the faults the handler met can be told from those drawn.
  h = await startMgnHarness({ seed: SEED, initialized: true, requestLogLimit: 100_000 });
  restoreLogs = captureInvocationLogs();
});

afterEach(() => {
  expect(h.emu.diagnostics).toEqual([]);
  expect(h.emu.requests.filter((r) => r.unknownMembers.length > 0)).toEqual([]);
});

afterAll(async () => {
  restoreLogs?.();
  await h?.stop();
  if (figures && FIGURES_FILE) {
    // Written for whoever asks for the figures; `npm test` stays quiet and leaves no file behind.
    fs.writeFileSync(FIGURES_FILE, `${JSON.stringify(figures, null, 2)}\n`);
  }
});
describe('the MGN fault run', () => {
  test(`${LIFECYCLES} lifecycles, ${CONCURRENCY} at a time, against 30% throttling, 5% 5xx, lost responses and dropped connections on MGN and EC2`,
    async () => {
      // GIVEN the servers of every lifecycle that finds one at its Create (a tenth find theirs only at the Update),
      // then faults on both endpoints
      const emu = h.emu;
      const driver = h.driver('MgnFaultRun');
      const plans = plan(createRng(SEED, 'mgn-fault-run'), LIFECYCLES, 0.1);
      const seeded = plans.map((p) => (p.late ? undefined : appear(emu, p)));
      emu.faults.chaos(SHARES);
      emu.ec2Faults.chaos(SHARES);

      // WHEN
      const startedAt = Date.now();
      const results = await runAll(emu, driver, plans, seeded, CONCURRENCY);
      const wallTimeMs = Date.now() - startedAt;
      emu.faults.clear();
      emu.ec2Faults.clear();

      // THEN every lifecycle succeeded, and MGN holds exactly what the lifecycles leave
      const mgn = emu.stats;
      const ec2 = emu.ec2Stats;
      // Faults the handler met: error answers injected, and connections that broke (a lost response whose call
      // failed anyway is answered with that failure, so it reaches the handler as an answer).
      expect(emu.requests.length).toBe(mgn.totalCalls);
      const entries = [...emu.requests, ...emu.ec2Requests];
      const faultsMet = (kind: typeof FAULT_KINDS[number]) => entries.filter((r) => r.fault === kind
        && (kind === 'throttle' || kind === 'internal' || kind === 'unavailable' || r.status === 'dropped')).length;
      const retries = driver.invocations.reduce((n, i) => n + i.retries, 0);
      const { atEnd, expected } = objectCounts(emu, plans, results);
      figures = {
        seed: SEED,
        lifecycles: LIFECYCLES,
        concurrency: CONCURRENCY,
        faultShares: SHARES,
        lifecyclesSucceeded: results.filter((r) => r.problems.length === 0).length,
        retainedLifecycles: plans.filter((p) => p.retain).length,
        lateServerLifecycles: plans.filter((p) => p.late).length,
        agentlessLifecycles: plans.filter((p) => p.method === 'agentless').length,
        handlerInvocations: {
          onEvent: driver.invocations.filter((i) => i.fn === 'onEvent').length,
          isComplete: driver.invocations.filter((i) => i.fn === 'isComplete').length,
        },
        mgnCallsTotal: mgn.totalCalls,
        ec2CallsTotal: ec2.totalCalls,
        mgnCallsPerOperation: mgn.calls,
        ec2CallsPerAction: ec2.calls,
        retriesFromHandlerLogs: retries,
        faultsMet: Object.fromEntries(FAULT_KINDS.map((k) => [k, faultsMet(k)])),
        faultsMetTotal: FAULT_KINDS.reduce((n, k) => n + faultsMet(k), 0),
        lostResponsesDrawnOnFailingCalls: mgn.faults['lost-response'] + ec2.faults['lost-response'] - faultsMet('lost-response'),
        mgnFaultsDrawn: mgn.faults,
        ec2FaultsDrawn: ec2.faults,
        faultsByOperation: { ...mgn.faultsByOperation, ...ec2.faultsByOperation },
        objectsAtEnd: atEnd,
        objectsExpected: expected,
        wallTimeMs,
      };
      expect(results.flatMap((r) => r.problems)).toEqual([]);
      expect(results.filter((r) => r.problems.length === 0)).toHaveLength(LIFECYCLES);
      expectExactlyWhatTheLifecyclesLeft(emu, plans, results);
      expect(driver.stackResources).toEqual([]);
      // Each fault met cost the handler exactly one retry: nothing was given up, nothing retried without cause.
      expect(retries).toBe(FAULT_KINDS.reduce((n, k) => n + faultsMet(k), 0));
      for (const kind of FAULT_KINDS) {
        expect({ kind, met: faultsMet(kind) > 0 }).toEqual({ kind, met: true });
      }
    });
});
