import * as fs from 'fs';
import { Props, RESOURCE_TYPE } from '../../lib/sms/handler/api';
import { ownershipMarker } from '../../lib/sms/handler/ownership';
import { CloudFormationDriver, ResourceDefinition, captureInvocationLogs, jsonRecords } from '../support/cfn-driver';
import { ServerSnapshot } from '../support/sms-emulator';
import { Rng, createRng, intBetween } from '../support/sms-emulator/prng';
import { E2eHarness, startHarness } from './helpers';

/**
 * The handler under a hostile SMS: 200 resource lifecycles (Create → Update in place → [replacement on the
 * same server] → Delete), 16 at a time, while the emulator throttles 30% of the calls, answers 5% with a
 * 5xx, drops connections and loses responses after doing the work. Every lifecycle must succeed, and the
 * emulator must end with exactly the jobs the stack says exist. The figures of the run are written to a
 * JSON file when `CDK_SMS_E2E_FIGURES` names one.
 *
 * The plan (servers, selectors, settings, which lifecycles replace or retain) is fixed by SEED; the
 * faults come from the emulator's seeded stream, in the order the calls arrive, which concurrency varies a
 * little from run to run.
 */

jest.setTimeout(120_000);

const SEED = 90_210;
const LIFECYCLES = 200;
const CONCURRENCY = 16;
const SHARES = { throttle: 0.30, internal: 0.025, unavailable: 0.025, lostResponse: 0.03, drop: 0.02 };
/** Where the run's figures go, when asked for (`CDK_SMS_E2E_FIGURES=file`): never into /tmp unasked. */
const FIGURES_FILE = process.env.CDK_SMS_E2E_FIGURES;

let h: E2eHarness;
let restoreLogs: () => void;
let figures: Record<string, unknown> | undefined;

beforeAll(async () => {
  h = await startHarness(SEED);
  restoreLogs = captureInvocationLogs();
});

beforeEach(() => h.reset());

afterEach(() => {
  expect(h.emu.state.diagnostics).toEqual([]);
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

describe('a lost response', () => {
  function definition(server: ServerSnapshot, runOnce: boolean): ResourceDefinition {
    return {
      type: RESOURCE_TYPE,
      properties: {
        [Props.VM_PATH]: server.vmServer.vmPath, [Props.RUN_ONCE]: String(runOnce),
        ...(runOnce ? {} : { [Props.FREQUENCY_HOURS]: '12' }), [Props.ENCRYPTED]: 'false', [Props.REMOVAL_POLICY]: 'destroy',
      },
    };
  }

  test('on Create: the job SMS made is adopted by its marker, and exactly one job exists', async () => {
    // GIVEN SMS creates the job but its answer never arrives
    const driver = h.driver();
    const server = h.emu.state.catalogServers.find((s) => s.osFamily === 'LINUX' && s.volumeCount <= 22)!;
    h.emu.faults.add({ kind: 'lost-response', operations: ['CreateReplicationJob'], count: 1 });

    // WHEN
    const outcome = await driver.create('Web', definition(server, false));

    // THEN
    expect(outcome.status).toBe('SUCCESS');
    expect(h.emu.state.jobs).toEqual([expect.objectContaining({ replicationJobId: outcome.physicalResourceId, serverId: server.serverId,
      description: ownershipMarker(driver.stackId, 'Web'), state: 'ACTIVE' })]);
    expect(h.emu.requests.filter((r) => r.operation === 'CreateReplicationJob').map((r) => [r.status, r.fault ?? r.errorType]))
      .toEqual([['dropped', 'lost-response'], [400, 'ReplicationJobAlreadyExistsException']]);
    expect(jsonRecords(outcome.invocations[0].lines)).toContainEqual(expect.objectContaining({ step: 'create-job', outcome: 'adopted', retries: 1 }));
  });

  test('on the Create of a same-server replacement: the new job is adopted, the old one is gone, exactly one job exists', async () => {
    // GIVEN
    const driver = h.driver();
    const server = h.emu.state.catalogServers.find((s) => s.osFamily === 'LINUX' && s.volumeCount <= 22)!;
    const created = await driver.create('Web', definition(server, false));
    h.emu.faults.add({ kind: 'lost-response', operations: ['CreateReplicationJob'], count: 1 });

    // WHEN
    const outcome = await driver.update('Web', definition(server, true));

    // THEN
    expect(outcome).toMatchObject({ status: 'SUCCESS', replacedPhysicalResourceId: created.physicalResourceId, cleanup: { status: 'SUCCESS' } });
    expect(h.emu.state.jobs).toEqual([expect.objectContaining({ replicationJobId: outcome.physicalResourceId, serverId: server.serverId,
      runOnce: true })]);
  });
});

/** One lifecycle of the run, drawn up front from the seed; the server is the one free when it starts. */
interface Plan {
  readonly index: number;
  readonly logicalId: string;
  /** DeletionPolicy and UpdateReplacePolicy Retain: the job stays when the resource goes. */
  readonly retain: boolean;
  /** Also replaced on the same server (RunOnce flipped) before the Delete. */
  readonly flip: boolean;
  /** The resource on `server` at version 1 (Create), 2 (Update in place) or 3 (RunOnce flipped). */
  definition(server: ServerSnapshot, v: 1 | 2 | 3): ResourceDefinition;
}

/** Selects the server each of four ways, whichever names exactly one server in the catalog. */
function selectorFor(server: ServerSnapshot, catalog: readonly ServerSnapshot[], kind: number): Record<string, string> {
  const vm = server.vmServer;
  const unique = (f: (s: ServerSnapshot) => boolean) => catalog.filter(f).length === 1;
  if (kind === 1 && unique((s) => s.vmServer.vmPath === vm.vmPath)) {
    return { [Props.VM_PATH]: vm.vmPath };
  }
  if (kind === 2 && unique((s) => s.vmServer.vmName === vm.vmName && s.vmServer.vmManagerName === vm.vmManagerName)) {
    return { [Props.VM_NAME]: vm.vmName, [Props.VM_MANAGER_NAME]: vm.vmManagerName };
  }
  if (kind === 3 && unique((s) => s.vmServer.vmServerAddress.vmId === vm.vmServerAddress.vmId)) {
    return { [Props.VM_ID]: vm.vmServerAddress.vmId, [Props.DISPLAY_NAME]: `${vm.vmName} on ${vm.vmManagerName}` };
  }
  return { [Props.SERVER_ID]: server.serverId, [Props.DISPLAY_NAME]: vm.vmName };
}

function plan(rng: Rng, catalog: readonly ServerSnapshot[]): Plan[] {
  const plans: Plan[] = [];
  for (let index = 0; index < LIFECYCLES; index++) {
    const retain = rng() < 0.08;
    const flip = rng() < 0.3;
    const kind = intBetween(rng, 0, 3);
    const hours = [intBetween(rng, 1, 24), intBetween(rng, 1, 24)];
    const amis = [intBetween(rng, 0, 20), intBetween(rng, 0, 20)];
    const byol = rng() < 0.5;
    const logicalId = `Job${String(index).padStart(3, '0')}`;
    const policy = retain ? 'Retain' : 'Delete';
    const definition = (server: ServerSnapshot, v: 1 | 2 | 3): ResourceDefinition => ({
      type: RESOURCE_TYPE,
      properties: {
        ...selectorFor(server, catalog, kind),
        [Props.RUN_ONCE]: String(v === 3),
        ...(v === 3 ? {} : { [Props.FREQUENCY_HOURS]: String(hours[v - 1]) }),
        ...(byol ? { [Props.LICENSE_TYPE]: 'BYOL' } : {}),
        [Props.NUMBER_OF_RECENT_AMIS_TO_KEEP]: String(amis[v === 1 ? 0 : 1]),
        [Props.ENCRYPTED]: 'false',
        [Props.DESCRIPTION]: `lifecycle ${index} v${v}`,
        [Props.REMOVAL_POLICY]: retain ? 'retain' : 'destroy',
      },
      deletionPolicy: policy,
      updateReplacePolicy: policy,
    });
    plans.push({ index, logicalId, retain, flip, definition });
  }
  return plans;
}

/** What one lifecycle left: its problems (none expected) and the job it leaves behind, if retained. */
interface LifecycleResult {
  readonly problems: string[];
  readonly retainedJob?: string;
  /** A retained job the handler had to delete to replace it on the same server. */
  readonly replacedInPlace?: string;
  readonly replaced: boolean;
}

async function runLifecycle(driver: CloudFormationDriver, p: Plan, server: ServerSnapshot): Promise<LifecycleResult> {
  const problems: string[] = [];
  const emu = h.emu;
  const marker = ownershipMarker(driver.stackId, p.logicalId);
  const check = (ok: boolean, what: string) => {
    if (!ok) {
      problems.push(`${p.logicalId} (${server.serverId}): ${what}`);
    }
  };

  const created = await driver.create(p.logicalId, p.definition(server, 1));
  check(created.status === 'SUCCESS', `Create ${created.status}: ${created.reason}`);
  if (created.status !== 'SUCCESS') {
    return { problems, replaced: false };
  }
  const first = emu.state.job(created.physicalResourceId);
  check(first?.serverId === server.serverId && first.description === `lifecycle ${p.index} v1 ${marker}`, `created job is ${JSON.stringify(first)}`);
  check(created.data.ServerId === server.serverId, `Create Data ${JSON.stringify(created.data)}`);

  const updated = await driver.update(p.logicalId, p.definition(server, 2));
  check(updated.status === 'SUCCESS' && updated.physicalResourceId === created.physicalResourceId,
    `Update in place ${updated.status} ${updated.physicalResourceId}: ${updated.reason}`);
  const second = emu.state.job(created.physicalResourceId);
  check(second?.frequency === Number(p.definition(server, 2).properties[Props.FREQUENCY_HOURS])
    && second.description === `lifecycle ${p.index} v2 ${marker}`, `updated job is ${JSON.stringify(second)}`);

  let replacedInPlace: string | undefined;
  if (p.flip) {
    const replaced = await driver.update(p.logicalId, p.definition(server, 3));
    check(replaced.status === 'SUCCESS' && replaced.replacedPhysicalResourceId === created.physicalResourceId
      && replaced.physicalResourceId !== created.physicalResourceId, `replacement ${replaced.status}: ${replaced.reason}`);
    check(replaced.cleanup?.status === (p.retain ? 'SKIPPED' : 'SUCCESS'), `cleanup ${replaced.cleanup?.status}: ${replaced.cleanup?.reason}`);
    check(emu.state.job(created.physicalResourceId) === undefined, 'the replaced job is still there');
    const third = emu.state.job(replaced.physicalResourceId);
    check(third?.runOnce === true && third.serverId === server.serverId, `replacing job is ${JSON.stringify(third)}`);
    replacedInPlace = p.retain ? created.physicalResourceId : undefined;
  }

  const last = driver.resource(p.logicalId)!.physicalResourceId;
  const deleted = await driver.delete(p.logicalId);
  if (p.retain) {
    check(deleted.status === 'SKIPPED' && emu.state.job(last) !== undefined, `retained Delete ${deleted.status}, job ${last} gone`);
    return { problems, retainedJob: last, replacedInPlace, replaced: p.flip };
  }
  check(deleted.status === 'SUCCESS', `Delete ${deleted.status}: ${deleted.reason}`);
  check(emu.state.job(last) === undefined && emu.state.jobOfServer(server.serverId) === undefined, `job ${last} left behind`);
  return { problems, replacedInPlace, replaced: p.flip };
}

describe('the fault run', () => {
  test(`${LIFECYCLES} lifecycles, ${CONCURRENCY} at a time, against 30% throttling, 5% 5xx, lost responses and dropped connections`, async () => {
    // GIVEN
    const emu = h.emu;
    const driver = h.driver({ stackName: 'E2eFaultRun' });
    const catalog = emu.state.catalogServers;
    const plans = plan(createRng(SEED, 'fault-run'), catalog);
    // Servers a job succeeds on (SMS replicates at most 22 volumes), dealt out to the workers: worker w runs
    // lifecycles w, w + CONCURRENCY, ... one after the other, each on the first server of its share that no
    // retained job holds. Which lifecycle runs on which server is then fixed by the seed too.
    const usable = catalog.filter((s) => s.volumeCount <= 22);
    const serverShares = Array.from({ length: CONCURRENCY }, (_, w) => usable.filter((_s, i) => i % CONCURRENCY === w));
    emu.faults.chaos(SHARES);

    // WHEN
    const startedAt = Date.now();
    const results: LifecycleResult[] = [];
    const worker = async (w: number) => {
      const free = serverShares[w];
      for (let index = w; index < plans.length; index += CONCURRENCY) {
        const server = free[0];
        if (!server) {
          throw new Error(`worker ${w} has no free server left: lower the retained share or the concurrency`);
        }
        const result = await runLifecycle(driver, plans[index], server);
        results[index] = result;
        if (result.retainedJob !== undefined) {
          free.shift();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
    const wallTimeMs = Date.now() - startedAt;
    emu.faults.clear();

    // THEN every lifecycle succeeded, and the emulator holds exactly the retained jobs
    const stats = emu.stats.snapshot();
    const expected = results.flatMap((r) => (r.retainedJob ? [r.retainedJob] : [])).sort();
    const replacedInPlace = results.flatMap((r) => (r.replacedInPlace ? [r.replacedInPlace] : []));
    const atEnd = emu.state.jobs;
    const retries = driver.invocations.reduce((n, i) => n + i.retries, 0);
    // Faults the handler met: error answers injected, and connections that broke (a lost response whose call
    // failed anyway is answered by the emulator with that failure, so it reaches the handler as an answer).
    const met = (kind: string) => emu.requests.filter((r) => r.fault === kind && (kind === 'throttle' || kind === 'internal'
      || kind === 'unavailable' || r.status === 'dropped')).length;
    expect(emu.requests.length).toBe(stats.totalCalls);
    const faults = met('throttle') + met('internal') + met('unavailable') + met('drop') + met('lost-response');
    figures = {
      seed: SEED,
      lifecycles: LIFECYCLES,
      concurrency: CONCURRENCY,
      faultShares: SHARES,
      lifecyclesSucceeded: results.filter((r) => r.problems.length === 0).length,
      sameServerReplacements: results.filter((r) => r.replaced).length,
      retainedLifecycles: expected.length,
      handlerInvocations: {
        onEvent: driver.invocations.filter((i) => i.fn === 'onEvent').length,
        isComplete: driver.invocations.filter((i) => i.fn === 'isComplete').length,
      },
      smsCallsPerOperation: stats.calls,
      smsCallsTotal: stats.totalCalls,
      retriesFromHandlerLogs: retries,
      waitsFromHandlerLogs: driver.invocations.reduce((n, i) => n + i.waits, 0),
      faultsMet: faults,
      throttlesMet: met('throttle'),
      serverErrorsMet: { total5xx: met('internal') + met('unavailable'), internal500: met('internal'), unavailable503: met('unavailable') },
      lostResponses: met('lost-response'),
      lostResponseFaultsDrawn: stats.faults['lost-response'],
      droppedConnections: met('drop'),
      faultsByOperation: stats.faultsByOperation,
      jobsAtEnd: atEnd.length,
      jobsExpected: expected.length,
      wallTimeMs,
    };
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(results.filter((r) => r.problems.length === 0)).toHaveLength(LIFECYCLES);
    expect(atEnd.map((j) => j.replicationJobId).sort()).toEqual(expected);
    expect(driver.expectedPhysicalIds().filter((id) => !replacedInPlace.includes(id))).toEqual(expected);
    expect(new Set(atEnd.map((j) => j.serverId)).size).toBe(atEnd.length);
    expect(driver.stackResources).toEqual([]);
    // Each fault cost the handler exactly one retry: nothing was given up, nothing retried without cause.
    expect(retries).toBe(faults);
    for (const kind of ['throttle', 'internal', 'unavailable', 'drop', 'lost-response']) {
      expect({ kind, met: met(kind) > 0 }).toEqual({ kind, met: true });
    }
  });
});
