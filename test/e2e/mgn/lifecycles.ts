import { Props, ReplicationMethods, ResourceTypes, ServerStatuses, VM_TAG } from '../../../lib/mgn/handler/api';
import { CloudFormationDriver, ResourceDefinition } from '../../support/cfn-driver';
import { ChaosShares, MgnEmulator, Wire } from '../../support/mgn-emulator';
import { Rng, intBetween, pick } from '../../support/sms-emulator/prng';

/**
 * The lifecycles of the MGN fault runs, each of one wave (with its application) and one source server in
 * it: Create → Update (the server moved to a second application of the wave, its settings and launch
 * template changed, the wave described anew) → Delete under the server's removal policy. Each step is
 * checked on the emulator; what a lifecycle leaves in MGN is told by its result.
 */

/** The fault mix of the runs: 30% throttling, 5% 5xx, lost responses and dropped connections. */
export const SHARES: ChaosShares = { throttle: 0.30, internal: 0.025, unavailable: 0.025, lostResponse: 0.03, drop: 0.02 };
export const FAULT_KINDS = ['throttle', 'internal', 'unavailable', 'drop', 'lost-response'] as const;
const INSTANCE_TYPES = ['t3.large', 'm6i.large', 'm6i.xlarge', 'c6i.large', 'r6i.large'];

/** One lifecycle, drawn up front from the seed. */
export interface Plan {
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

export function plan(rng: Rng, lifecycles: number, lateShare: number): Plan[] {
  const plans: Plan[] = [];
  for (let index = 0; index < lifecycles; index++) {
    const n = String(index).padStart(3, '0');
    const vmName = `fr-vm-${n}`;
    const waveName = `fr-wave-${n}`;
    const applications = [`fr-app-${n}`, `fr-app-${n}-b`] as const;
    const method = rng() < 0.3 ? 'agentless' : 'agent';
    const retain = rng() < 0.25;
    const late = rng() < lateShare;
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
export function appear(emu: MgnEmulator, p: Plan): string {
  const server = p.method === ReplicationMethods.AGENT
    ? emu.seedServer({ state: 'PENDING_INSTALLATION', userProvidedID: p.vmName, fqdnForActionFramework: `${p.vmName}.corp.example.com` })
    : emu.discoverVm({ vmWareUuid: p.vmUuid, vmPath: `/dc1/vm/${p.vmName}`, hostname: p.vmName });
  return server.sourceServerID as string;
}

/** What one lifecycle left: its problems (none expected), its server, and what it leaves in MGN. */
export interface LifecycleResult {
  readonly problems: string[];
  readonly serverId?: string;
  /** Launch-template versions the server's template should hold at the end. */
  readonly templateVersions: number;
}

/** A view of the emulator's groups and servers, read at once. */
function snapshot(emu: MgnEmulator) {
  const servers = new Map(emu.servers().map((s) => [s.sourceServerID as string, s]));
  const apps = emu.applications();
  const waves = emu.waves();
  return {
    server: (id: string): Wire | undefined => servers.get(id),
    app: (name: string) => apps.filter((a) => a.name === name),
    appById: (id: string | undefined) => apps.find((a) => a.applicationID === id),
    wave: (name: string) => waves.filter((w) => w.name === name),
  };
}

function defaultTemplate(emu: MgnEmulator, serverId: string): { version: number; latest: number; instanceType?: unknown } | undefined {
  const templateId = emu.launchConfiguration(serverId)?.ec2LaunchTemplateID;
  const lt = emu.launchTemplates().find((t) => t.launchTemplateId === templateId);
  const data = lt?.versions.find((v) => v.versionNumber === lt.defaultVersion)?.data;
  return lt && { version: lt.defaultVersion, latest: lt.latestVersion, instanceType: data?.InstanceType };
}

export async function runLifecycle(emu: MgnEmulator, driver: CloudFormationDriver, p: Plan, seededId: string | undefined): Promise<LifecycleResult> {
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
    const view = snapshot(emu);
    const server = view.server(id);
    const app = view.appById(server?.applicationID as string | undefined);
    const wave = view.wave(p.waveName);
    check((server?.tags as Record<string, string> | undefined)?.[VM_TAG] === p.vmName, `server ${id} is not tagged: ${JSON.stringify(server?.tags)}`);
    check(app?.name === p.applications[v - 1] && wave.length === 1 && app.waveID === wave[0].waveID,
      `v${v}: server in ${String(app?.name)} of wave ${String(app?.waveID)}, waves named ${p.waveName}: ${wave.length}`);
    const template = defaultTemplate(emu, id);
    check(template?.instanceType === p.instanceType[v - 1] && template.version === template.latest
      && data.LaunchTemplateVersion === String(template.version), `v${v}: template ${JSON.stringify(template)}, Data ${JSON.stringify(data)}`);
    const wanted = p.server(v).properties[Props.REPLICATION] as Record<string, string>;
    check(emu.replicationConfiguration(id)?.bandwidthThrottling === Number(wanted.bandwidthThrottling),
      `v${v}: bandwidth ${String(emu.replicationConfiguration(id)?.bandwidthThrottling)}`);
    const launch = p.server(v).properties[Props.LAUNCH] as Record<string, string>;
    const actual = emu.launchConfiguration(id);
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
  check(snapshot(emu).wave(p.waveName).map((w) => w.waveID).join() === wave1.physicalResourceId, `wave ${wave1.physicalResourceId} not the one named`);
  const created = await driver.create(serverId, p.server(1));
  check(created.status === 'SUCCESS', `server Create ${created.status}: ${created.reason}`);
  if (created.status !== 'SUCCESS') {
    return { problems, templateVersions: 0 };
  }
  let id = seededId;
  if (p.late) {
    check(created.physicalResourceId === `pending:${p.vmName}` && created.data.Status === ServerStatuses.PENDING,
      `pending Create gave ${created.physicalResourceId} ${JSON.stringify(created.data)}`);
    id = appear(emu, p);
  } else {
    check(created.physicalResourceId === id, `Create found ${created.physicalResourceId}, not ${id}`);
    checkServer(id!, 1, created.data);
  }

  // Update: the wave gets its second application and a new description, then the server moves to it with new settings
  const wave2 = await driver.update(waveId, p.wave(2));
  check(wave2.status === 'SUCCESS' && wave2.physicalResourceId === wave1.physicalResourceId, `wave Update ${wave2.status}: ${wave2.reason}`);
  check(snapshot(emu).wave(p.waveName)[0]?.description === `lifecycle ${p.index} v2`, 'wave description not updated');
  const updated = await driver.update(serverId, p.server(2));
  check(updated.status === 'SUCCESS' && updated.physicalResourceId === id, `server Update ${updated.status} ${updated.physicalResourceId}: ${updated.reason}`);
  if (p.late) {
    check(updated.cleanup?.status === (p.retain ? 'SKIPPED' : 'SUCCESS'), `cleanup of the pending id ${updated.cleanup?.status}`);
  }
  checkServer(id!, 2, updated.data);
  const emptied = snapshot(emu).app(p.applications[0]);
  check(emptied.length === 1 && emu.servers().every((s) => s.applicationID !== emptied[0].applicationID),
    `first application ${JSON.stringify(emptied)} not left empty`);

  // Delete: the server, then the wave
  const deletedServer = await driver.delete(serverId);
  check(deletedServer.status === (p.retain ? 'SKIPPED' : 'SUCCESS'), `server Delete ${deletedServer.status}: ${deletedServer.reason}`);
  const deletedWave = await driver.delete(waveId);
  check(deletedWave.status === 'SUCCESS', `wave Delete ${deletedWave.status}: ${deletedWave.reason}`);
  const view = snapshot(emu);
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

/**
 * Runs the lifecycles `concurrency` at a time (worker w runs lifecycles w, w + concurrency, ...): answers
 * their results, in plan order.
 */
export async function runAll(emu: MgnEmulator, driver: CloudFormationDriver, plans: readonly Plan[], seeded: ReadonlyArray<string | undefined>,
  concurrency: number): Promise<LifecycleResult[]> {
  const results: LifecycleResult[] = [];
  const worker = async (w: number) => {
    for (let index = w; index < plans.length; index += concurrency) {
      results[index] = await runLifecycle(emu, driver, plans[index], seeded[index]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return results;
}

/** Counts of what MGN holds at the end. */
export interface ObjectCounts {
  readonly servers: number;
  readonly liveServers: number;
  readonly archivedServers: number;
  readonly applications: number;
  readonly waves: number;
  readonly serverMemberships: number;
  readonly applicationMemberships: number;
  readonly launchTemplates: number;
  readonly launchTemplateVersions: number;
}

/** What MGN holds, and what the lifecycles should have left: each retained server in its second application and its wave. */
export function objectCounts(emu: MgnEmulator, plans: readonly Plan[], results: readonly LifecycleResult[]):
{ atEnd: ObjectCounts; expected: ObjectCounts } {
  const servers = emu.servers();
  const { serverToApplication, applicationToWave } = emu.memberships;
  const templates = emu.launchTemplates();
  const retained = plans.filter((p) => p.retain).length;
  return {
    atEnd: {
      servers: servers.length,
      liveServers: servers.filter((s) => s.isArchived !== true).length,
      archivedServers: servers.filter((s) => s.isArchived === true).length,
      applications: emu.applications().length,
      waves: emu.waves().length,
      serverMemberships: Object.keys(serverToApplication).length,
      applicationMemberships: Object.keys(applicationToWave).length,
      launchTemplates: templates.length,
      launchTemplateVersions: templates.reduce((n, t) => n + t.versions.length, 0),
    },
    expected: {
      servers: plans.length,
      liveServers: retained,
      archivedServers: plans.length - retained,
      applications: retained,
      waves: retained,
      serverMemberships: retained,
      applicationMemberships: retained,
      launchTemplates: plans.length,
      launchTemplateVersions: results.reduce((n, r) => n + r.templateVersions, 0),
    },
  };
}

/** Nothing lost, duplicated or orphaned: exactly the lifecycles' servers, the retained ones' applications and waves. */
export function expectExactlyWhatTheLifecyclesLeft(emu: MgnEmulator, plans: readonly Plan[], results: readonly LifecycleResult[]): void {
  const { atEnd, expected } = objectCounts(emu, plans, results);
  expect(atEnd).toEqual(expected);
  const retained = plans.filter((p) => p.retain);
  const servers = emu.servers();
  expect(servers.map((s) => s.sourceServerID).sort()).toEqual(results.map((r) => r.serverId).sort());
  expect(servers.filter((s) => s.isArchived !== true).map((s) => (s.tags as Record<string, string>)[VM_TAG]).sort())
    .toEqual(retained.map((p) => p.vmName).sort());
  expect(emu.applications().map((a) => a.name).sort()).toEqual(retained.map((p) => p.applications[1]).sort());
  expect(emu.waves().map((w) => w.name).sort()).toEqual(retained.map((p) => p.waveName).sort());
  expect(emu.launchTemplates().filter((t) => t.defaultVersion !== t.latestVersion)).toEqual([]);
}
