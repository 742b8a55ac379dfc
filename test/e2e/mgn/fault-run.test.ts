import * as fs from 'fs';
import { Props, ReplicationMethods, ResourceTypes, ServerStatuses, VM_TAG } from '../../../lib/mgn/handler/api';
import { CloudFormationDriver, ResourceDefinition, captureInvocationLogs } from '../../support/cfn-driver';
import { ChaosShares, Wire } from '../../support/mgn-emulator';
import { Rng, createRng, intBetween, pick } from '../../support/sms-emulator/prng';
import { MgnE2eHarness, startMgnHarness } from './harness';

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
const SHARES: ChaosShares = { throttle: 0.30, internal: 0.025, unavailable: 0.025, lostResponse: 0.03, drop: 0.02 };
/** Where the run's figures go, when asked for (`CDK_SMS_E2E_FIGURES=file`): never into /tmp unasked. */
const FIGURES_FILE = process.env.CDK_SMS_E2E_FIGURES;
const INSTANCE_TYPES = ['t3.large', 'm6i.large', 'm6i.xlarge', 'c6i.large', 'r6i.large'];
const FAULT_KINDS = ['throttle', 'internal', 'unavailable', 'drop', 'lost-response'] as const;

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

/** One lifecycle, drawn up front from the seed. */
interface Plan {
  readonly index: number;
  readonly vmName: string;
  readonly waveName: string;
  /** The application of the Create, and the second one the Update moves the server to. */
  readonly applications: readonly [string, string];
  readonly method: 'agent' | 'agentless';
  readonly vmUuid: string;
  /** Retain: the server stays in MGN (with its application and wave) when the resource goes. */
  readonly retain: boolean;
  /** The server appears only after the Create (pending), and is found by the Update. */
  readonly late: boolean;
  readonly wave: (v: 1 | 2) => ResourceDefinition;
  readonly server: (v: 1 | 2) => ResourceDefinition;
  readonly instanceType: readonly [string, string];
}

function plan(rng: Rng): Plan[] {
  const plans: Plan[] = [];
  for (let index = 0; index < LIFECYCLES; index++) {
    const n = String(index).padStart(3, '0');
    const vmName = `fr-vm-${n}`;
    const waveName = `fr-wave-${n}`;
    const applications = [`fr-app-${n}`, `fr-app-${n}-b`] as const;
    const method = rng() < 0.3 ? 'agentless' : 'agent';
    const retain = rng() < 0.25;
    const late = rng() < 0.1;
    const vmUuid = `4213${n}0-0000-4000-8000-${String(index).padStart(12, '0')}`;
    // Two different instance types: each Update that finds the server makes one launch-template version.
    const first = pick(rng, INSTANCE_TYPES);
    const instanceType = [first, pick(rng, INSTANCE_TYPES.filter((t) => t !== first))] as const;
    const bandwidth = [intBetween(rng, 0, 500), intBetween(rng, 501, 1000)];
    const byol = rng() < 0.5;
    const policy = retain ? 'Retain' : 'Delete';
    const wave = (v: 1 | 2): ResourceDefinition => ({
      type: ResourceTypes.WAVE,
      properties: {
        [Props.WAVE_NAME]: waveName, [Props.DESCRIPTION]: `lifecycle ${index} v${v}`,
        [Props.APPLICATIONS]: v === 1 ? [applications[0]] : [...applications],
      },
    });
    const server = (v: 1 | 2): ResourceDefinition => ({
      type: ResourceTypes.SOURCE_SERVER,
      properties: {
        [Props.VM_NAME]: vmName, [Props.REPLICATION_METHOD]: method, [Props.VM_UUID]: vmUuid,
        [Props.APPLICATION_NAME]: applications[v - 1],
        [Props.REPLICATION]: { bandwidthThrottling: String(bandwidth[v - 1]), dataPlaneRouting: 'PRIVATE_IP', createPublicIP: 'false' },
        [Props.LAUNCH]: { launchDisposition: v === 1 ? 'STOPPED' : 'STARTED', copyPrivateIp: 'true',
          licensingOsByol: String(v === 1 ? byol : !byol) },
        [Props.LAUNCH_TEMPLATE]: { InstanceType: instanceType[v - 1], SubnetId: 'subnet-0e5f6a7b8c9d0e1f2',
          SecurityGroupIds: ['sg-0123456789abcdef0'], AssociatePublicIpAddress: 'false' },
        [Props.REMOVAL_POLICY]: retain ? 'retain' : 'destroy',
        [Props.REFRESH]: `r${v}`,
      },
      dependsOn: [`Wave${n}`],
      deletionPolicy: policy,
      updateReplacePolicy: policy,
    });
    plans.push({ index, vmName, waveName, applications, method, vmUuid, retain, late, wave, server, instanceType });
  }
  return plans;
}

/** Makes the VM's server appear in MGN: an imported agent VM, or one the vCenter Client discovered. */
function appear(p: Plan): string {
  const server = p.method === ReplicationMethods.AGENT
    ? h.emu.seedServer({ state: 'PENDING_INSTALLATION', userProvidedID: p.vmName, fqdnForActionFramework: `${p.vmName}.corp.example.com` })
    : h.emu.discoverVm({ vmWareUuid: p.vmUuid, vmPath: `/dc1/vm/${p.vmName}`, hostname: p.vmName });
  return server.sourceServerID as string;
}

/** What one lifecycle left: its problems (none expected), its server, and what it leaves in MGN. */
interface LifecycleResult {
  readonly problems: string[];
  readonly serverId?: string;
  /** Launch-template versions the server's template should hold at the end. */
  readonly templateVersions: number;
}

/** A view of the emulator's groups and servers, read at once. */
function snapshot() {
  const servers = new Map(h.emu.servers().map((s) => [s.sourceServerID as string, s]));
  const apps = h.emu.applications();
  const waves = h.emu.waves();
  return {
    server: (id: string): Wire | undefined => servers.get(id),
    app: (name: string) => apps.filter((a) => a.name === name),
    appById: (id: string | undefined) => apps.find((a) => a.applicationID === id),
    wave: (name: string) => waves.filter((w) => w.name === name),
  };
}

function defaultTemplate(serverId: string): { version: number; latest: number; instanceType?: unknown } | undefined {
  const templateId = h.emu.launchConfiguration(serverId)?.ec2LaunchTemplateID;
  const lt = h.emu.launchTemplates().find((t) => t.launchTemplateId === templateId);
  const data = lt?.versions.find((v) => v.versionNumber === lt.defaultVersion)?.data;
  return lt && { version: lt.defaultVersion, latest: lt.latestVersion, instanceType: data?.InstanceType };
}

async function runLifecycle(driver: CloudFormationDriver, p: Plan, seededId: string | undefined): Promise<LifecycleResult> {
  const problems: string[] = [];
  const n = String(p.index).padStart(3, '0');
  const waveId = `Wave${n}`;
  const serverId = `Server${n}`;
  const check = (ok: boolean, what: string) => {
    if (!ok) {
      problems.push(`lifecycle ${p.index} (${p.vmName}): ${what}`);
    }
  };
  /** The server's application and wave, its settings and template, as the version `v` of the resource wants. */
  const checkServer = (id: string, v: 1 | 2, data: Readonly<Record<string, unknown>>) => {
    const view = snapshot();
    const server = view.server(id);
    const app = view.appById(server?.applicationID as string | undefined);
    const wave = view.wave(p.waveName);
    check((server?.tags as Record<string, string> | undefined)?.[VM_TAG] === p.vmName, `server ${id} is not tagged: ${JSON.stringify(server?.tags)}`);
    check(app?.name === p.applications[v - 1] && wave.length === 1 && app.waveID === wave[0].waveID,
      `v${v}: server in ${String(app?.name)} of wave ${String(app?.waveID)}, waves named ${p.waveName}: ${wave.length}`);
    const template = defaultTemplate(id);
    check(template?.instanceType === p.instanceType[v - 1] && template.version === template.latest
      && data.LaunchTemplateVersion === String(template.version), `v${v}: template ${JSON.stringify(template)}, Data ${JSON.stringify(data)}`);
    const wanted = p.server(v).properties[Props.REPLICATION] as Record<string, string>;
    check(h.emu.replicationConfiguration(id)?.bandwidthThrottling === Number(wanted.bandwidthThrottling),
      `v${v}: bandwidth ${String(h.emu.replicationConfiguration(id)?.bandwidthThrottling)}`);
    const launch = p.server(v).properties[Props.LAUNCH] as Record<string, string>;
    const actual = h.emu.launchConfiguration(id);
    check(actual?.launchDisposition === launch.launchDisposition
      && (actual.licensing as { osByol?: boolean } | undefined)?.osByol === (launch.licensingOsByol === 'true'), `v${v}: launch ${JSON.stringify(actual)}`);
    check(data.SourceServerId === id && data.Status === ServerStatuses.CONFIGURED, `v${v}: Data ${JSON.stringify(data)}`);
  };

  // Create: the wave (with its first application), then the server in it
  const wave1 = await driver.create(waveId, p.wave(1));
  check(wave1.status === 'SUCCESS', `wave Create ${wave1.status}: ${wave1.reason}`);
  if (wave1.status !== 'SUCCESS') {
    return { problems, templateVersions: 0 };
  }
  check(snapshot().wave(p.waveName).map((w) => w.waveID).join() === wave1.physicalResourceId, `wave ${wave1.physicalResourceId} not the one named`);
  const created = await driver.create(serverId, p.server(1));
  check(created.status === 'SUCCESS', `server Create ${created.status}: ${created.reason}`);
  if (created.status !== 'SUCCESS') {
    return { problems, templateVersions: 0 };
  }
  let id = seededId;
  if (p.late) {
    check(created.physicalResourceId === `pending:${p.vmName}` && created.data.Status === ServerStatuses.PENDING,
      `pending Create gave ${created.physicalResourceId} ${JSON.stringify(created.data)}`);
    id = appear(p);
  } else {
    check(created.physicalResourceId === id, `Create found ${created.physicalResourceId}, not ${id}`);
    checkServer(id!, 1, created.data);
  }

  // Update: the wave gets its second application and a new description, then the server moves to it with new settings
  const wave2 = await driver.update(waveId, p.wave(2));
  check(wave2.status === 'SUCCESS' && wave2.physicalResourceId === wave1.physicalResourceId, `wave Update ${wave2.status}: ${wave2.reason}`);
  check(snapshot().wave(p.waveName)[0]?.description === `lifecycle ${p.index} v2`, 'wave description not updated');
  const updated = await driver.update(serverId, p.server(2));
  check(updated.status === 'SUCCESS' && updated.physicalResourceId === id, `server Update ${updated.status} ${updated.physicalResourceId}: ${updated.reason}`);
  if (p.late) {
    check(updated.cleanup?.status === (p.retain ? 'SKIPPED' : 'SUCCESS'), `cleanup of the pending id ${updated.cleanup?.status}`);
  }
  checkServer(id!, 2, updated.data);
  const emptied = snapshot().app(p.applications[0]);
  check(emptied.length === 1 && h.emu.servers().every((s) => s.applicationID !== emptied[0].applicationID),
    `first application ${JSON.stringify(emptied)} not left empty`);

  // Delete: the server, then the wave
  const deletedServer = await driver.delete(serverId);
  check(deletedServer.status === (p.retain ? 'SKIPPED' : 'SUCCESS'), `server Delete ${deletedServer.status}: ${deletedServer.reason}`);
  const deletedWave = await driver.delete(waveId);
  check(deletedWave.status === 'SUCCESS', `wave Delete ${deletedWave.status}: ${deletedWave.reason}`);
  const view = snapshot();
  const server = view.server(id!);
  if (p.retain) {
    check(server?.isArchived === false && view.appById(server.applicationID as string)?.name === p.applications[1],
      `retained server ${JSON.stringify(server)}`);
    check(view.app(p.applications[0]).length === 0, 'the empty application was not deleted');
    check(view.wave(p.waveName).length === 1, 'the wave holding a retained server is gone');
  } else {
    check(server?.isArchived === true && server.applicationID === undefined, `destroyed server ${JSON.stringify(server)}`);
    check(view.app(p.applications[0]).length + view.app(p.applications[1]).length === 0, 'applications left behind');
    check(view.wave(p.waveName).length === 0, 'wave left behind');
  }
  // The seeded template's version 1, one version per Create or Update that found the server.
  return { problems, serverId: id, templateVersions: p.late ? 2 : 3 };
}

describe('the MGN fault run', () => {
  test(`${LIFECYCLES} lifecycles, ${CONCURRENCY} at a time, against 30% throttling, 5% 5xx, lost responses and dropped connections on MGN and EC2`,
    async () => {
      // GIVEN the servers of every lifecycle that finds one at its Create, then faults on both endpoints
      const emu = h.emu;
      const driver = h.driver('MgnFaultRun');
      const plans = plan(createRng(SEED, 'mgn-fault-run'));
      const seeded = plans.map((p) => (p.late ? undefined : appear(p)));
      emu.faults.chaos(SHARES);
      emu.ec2Faults.chaos(SHARES);

      // WHEN
      const startedAt = Date.now();
      const results: LifecycleResult[] = [];
      const worker = async (w: number) => {
        for (let index = w; index < plans.length; index += CONCURRENCY) {
          results[index] = await runLifecycle(driver, plans[index], seeded[index]);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
      const wallTimeMs = Date.now() - startedAt;
      emu.faults.clear();
      emu.ec2Faults.clear();

      // THEN every lifecycle succeeded, and MGN holds exactly what the lifecycles leave
      const retained = plans.filter((p) => p.retain);
      const servers = emu.servers();
      const serverIds = new Set(results.map((r) => r.serverId));
      const apps = emu.applications();
      const waves = emu.waves();
      const { serverToApplication, applicationToWave } = emu.memberships;
      const templates = emu.launchTemplates();
      const mgn = emu.stats;
      const ec2 = emu.ec2Stats;
      const atEnd = {
        servers: servers.length,
        liveServers: servers.filter((s) => s.isArchived !== true).length,
        archivedServers: servers.filter((s) => s.isArchived === true).length,
        applications: apps.length,
        waves: waves.length,
        serverMemberships: Object.keys(serverToApplication).length,
        applicationMemberships: Object.keys(applicationToWave).length,
        launchTemplates: templates.length,
        launchTemplateVersions: templates.reduce((n, t) => n + t.versions.length, 0),
      };
      const expected = {
        servers: LIFECYCLES,
        liveServers: retained.length,
        archivedServers: LIFECYCLES - retained.length,
        applications: retained.length,
        waves: retained.length,
        serverMemberships: retained.length,
        applicationMemberships: retained.length,
        launchTemplates: LIFECYCLES,
        launchTemplateVersions: results.reduce((n, r) => n + r.templateVersions, 0),
      };
      // Faults the handler met: error answers injected, and connections that broke (a lost response whose call
      // failed anyway is answered with that failure, so it reaches the handler as an answer).
      expect(emu.requests.length).toBe(mgn.totalCalls);
      const entries = [...emu.requests, ...emu.ec2Requests];
      const faultsMet = (kind: typeof FAULT_KINDS[number]) => entries.filter((r) => r.fault === kind
        && (kind === 'throttle' || kind === 'internal' || kind === 'unavailable' || r.status === 'dropped')).length;
      const retries = driver.invocations.reduce((n, i) => n + i.retries, 0);
      figures = {
        seed: SEED,
        lifecycles: LIFECYCLES,
        concurrency: CONCURRENCY,
        faultShares: SHARES,
        lifecyclesSucceeded: results.filter((r) => r.problems.length === 0).length,
        retainedLifecycles: retained.length,
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
      expect(atEnd).toEqual(expected);
      // each lifecycle's server, and no other; each template at its expected version, the default
      expect(servers.map((s) => s.sourceServerID).sort()).toEqual([...serverIds].sort());
      expect(servers.filter((s) => s.isArchived !== true).map((s) => (s.tags as Record<string, string>)[VM_TAG]).sort())
        .toEqual(retained.map((p) => p.vmName).sort());
      expect(apps.map((a) => a.name).sort()).toEqual(retained.map((p) => p.applications[1]).sort());
      expect(waves.map((w) => w.name).sort()).toEqual(retained.map((p) => p.waveName).sort());
      expect(templates.filter((t) => t.defaultVersion !== t.latestVersion)).toEqual([]);
      expect(driver.stackResources).toEqual([]);
      // Each fault met cost the handler exactly one retry: nothing was given up, nothing retried without cause.
      expect(retries).toBe(FAULT_KINDS.reduce((n, k) => n + faultsMet(k), 0));
      for (const kind of FAULT_KINDS) {
        expect({ kind, met: faultsMet(kind) > 0 }).toEqual({ kind, met: true });
      }
    });
});
