import { CreateReplicationJobCommand, SMSClient } from '@aws-sdk/client-sms';
import { Props, RESOURCE_TYPE } from '../../lib/sms/handler/api';
import { CREATE_FAILED_MARKER, ResourceDefinition, captureInvocationLogs } from '../support/cfn-driver';
import { ServerSnapshot } from '../support/sms-emulator';
import { smsClient } from '../emulator/helpers';
import { E2eHarness, sentence, startHarness } from './helpers';

/**
 * What a user reads in the stack events when a deployment fails: one sentence that names the VM, the
 * server and what to do. Each case is deployed through the CloudFormation driver, rollback included, and
 * leaves SMS as it found it.
 */

jest.setTimeout(30_000);

const SEED = 4_711;

let h: E2eHarness;
let restoreLogs: () => void;
let sms: SMSClient;

beforeAll(async () => {
  h = await startHarness(SEED);
  restoreLogs = captureInvocationLogs();
  sms = smsClient(h.emu);
});

beforeEach(() => h.reset());

afterEach(() => expect(h.emu.state.diagnostics).toEqual([]));

afterAll(async () => {
  sms?.destroy();
  restoreLogs?.();
  await h?.stop();
});

function job(properties: Record<string, string>): ResourceDefinition {
  return {
    type: RESOURCE_TYPE,
    properties: { [Props.RUN_ONCE]: 'false', [Props.FREQUENCY_HOURS]: '12', [Props.ENCRYPTED]: 'false', [Props.REMOVAL_POLICY]: 'destroy',
      ...properties },
  };
}

function linuxServer(): ServerSnapshot {
  return h.emu.state.catalogServers.find((s) => s.osFamily === 'LINUX' && s.volumeCount <= 22)!;
}

describe('a VM the server catalog does not have', () => {
  test('is named, with what to check; the Create fails before any job is made', async () => {
    // WHEN
    const outcome = await h.driver().create('Web', job({ [Props.VM_NAME]: 'web-99', [Props.DISPLAY_NAME]: 'web-99' }));

    // THEN
    expect(outcome).toMatchObject({
      status: 'FAILED',
      reason: 'VM "web-99" is not in the SMS server catalog (import the catalog with the connector first, or check the name)',
      physicalResourceId: CREATE_FAILED_MARKER,
      // The framework answers the rollback Delete of a failed Create itself.
      rollback: { status: 'SKIPPED', invocations: [] },
    });
    expect(h.emu.stats.callsOf('CreateReplicationJob')).toBe(0);
    expect(h.emu.state.jobs).toEqual([]);
  });

  test('says what was looked for when the display name differs from the selector', async () => {
    // GIVEN a name that exists, on another VM manager than the one given
    const server = linuxServer();

    // WHEN
    const outcome = await h.driver().create('Web', job({
      [Props.VM_NAME]: server.vmServer.vmName, [Props.VM_MANAGER_NAME]: 'vcenter-south.corp.example', [Props.DISPLAY_NAME]: 'web (south)',
    }));

    // THEN
    expect(outcome.reason).toBe('VM "web (south)" is not in the SMS server catalog (import the catalog with the connector first, '
      + `or check the name); looked for vmName "${server.vmServer.vmName}" and vmManagerName "vcenter-south.corp.example"`);
  });

  test('that names several VMs lists the candidates and how to narrow it', async () => {
    // GIVEN a VM name several VM managers have
    const catalog = h.emu.state.catalogServers;
    const name = catalog.map((s) => s.vmServer.vmName).find((n) => catalog.filter((s) => s.vmServer.vmName === n).length > 1)!;
    const candidates = catalog.filter((s) => s.vmServer.vmName === name);

    // WHEN
    const outcome = await h.driver().create('Web', job({ [Props.VM_NAME]: name, [Props.DISPLAY_NAME]: name }));

    // THEN
    expect(outcome.reason).toBe(`VM "${name}" matches ${candidates.length} servers in the SMS server catalog: `
      + candidates.map((s) => `${s.serverId} (vmPath "${s.vmServer.vmPath}", vmManagerName "${s.vmServer.vmManagerName}")`).join(', ')
      + '; narrow it with the vmManagerName or vmPath, or give the serverId');
    expect(h.emu.state.jobs).toEqual([]);
  });
});

describe('a license the guest OS does not support', () => {
  test('fails when SMS fails the job, with SMS\'s reason, the VM and the server; the rollback deletes the failed job', async () => {
    // GIVEN license AWS on a Linux VM: SMS accepts the job, then fails it when it would activate
    const server = linuxServer();

    // WHEN
    const outcome = await h.driver().create('Web', job({
      [Props.VM_PATH]: server.vmServer.vmPath, [Props.DISPLAY_NAME]: server.vmServer.vmName, [Props.LICENSE_TYPE]: 'AWS',
    }));

    // THEN
    const jobId = outcome.physicalResourceId;
    expect(outcome).toMatchObject({ status: 'FAILED', rollback: { status: 'SUCCESS', physicalResourceId: jobId } });
    expect(outcome.reason).toBe(`replication job ${jobId} for VM "${server.vmServer.vmName}" (server ${server.serverId}) failed: `
      + `licenseType AWS is not supported for the guest OS of ${server.serverId} (LINUX), use BYOL`);
    expect(outcome.invocations.map((i) => [i.fn, i.error === undefined])).toEqual([['onEvent', true], ['isComplete', true], ['isComplete', false]]);
    expect(h.emu.state.jobs).toEqual([]);
  });
});

describe('a server that already has a job', () => {
  test('made outside CloudFormation: the job is named and left alone', async () => {
    // GIVEN a job made by hand
    const server = linuxServer();
    const { replicationJobId } = await sms.send(new CreateReplicationJobCommand({
      serverId: server.serverId, seedReplicationTime: new Date(), frequency: 24, description: 'made in the console',
    }));

    // WHEN
    const outcome = await h.driver().create('Web', job({ [Props.SERVER_ID]: server.serverId, [Props.DISPLAY_NAME]: server.vmServer.vmName }));

    // THEN
    expect(outcome).toMatchObject({ status: 'FAILED', physicalResourceId: CREATE_FAILED_MARKER, rollback: { status: 'SKIPPED' } });
    expect(outcome.reason).toBe(`server ${server.serverId} (VM "${server.vmServer.vmName}") already has replication job ${replicationJobId} `
      + 'that this stack does not own: delete it or import it');
    expect(h.emu.state.jobs).toEqual([expect.objectContaining({ replicationJobId, description: 'made in the console', frequency: 24 })]);
  });

  test('of another stack: the same sentence, and the other stack\'s job is left alone', async () => {
    // GIVEN another stack's job on the server
    const server = linuxServer();
    const other = await h.driver({ stackName: 'OtherTeam' }).create('Web', job({ [Props.SERVER_ID]: server.serverId }));

    // WHEN
    const outcome = await h.driver({ stackName: 'E2eMigration' }).create('Web', job({ [Props.SERVER_ID]: server.serverId }));

    // THEN
    expect(outcome.reason).toBe(`server ${server.serverId} (VM "${server.serverId}") already has replication job ${other.physicalResourceId} `
      + 'that this stack does not own: delete it or import it');
    expect(h.emu.state.jobs.map((j) => j.replicationJobId)).toEqual([other.physicalResourceId]);
  });
});

describe('SMS unavailable', () => {
  const saved = process.env.CDK_SMS_RETRY_SAFETY_MS;
  afterEach(() => {
    process.env.CDK_SMS_RETRY_SAFETY_MS = saved;
  });

  test('fails after retrying within the time budget, and says to deploy again later', async () => {
    // GIVEN every call throttled or answered 503, and a retry budget of 1.5 s (onEvent's 300 s less 298.5 s kept back)
    process.env.CDK_SMS_RETRY_SAFETY_MS = '298500';
    h.emu.faults.chaos({ throttle: 0.5, unavailable: 0.5 });
    const server = linuxServer();

    // WHEN
    const startedAt = Date.now();
    const outcome = await h.driver().create('Web', job({ [Props.VM_NAME]: server.vmServer.vmName, [Props.VM_MANAGER_NAME]: server.vmServer.vmManagerName,
      [Props.DISPLAY_NAME]: server.vmServer.vmName }));
    const tookMs = Date.now() - startedAt;

    // THEN
    expect(outcome).toMatchObject({ status: 'FAILED', physicalResourceId: CREATE_FAILED_MARKER, rollback: { status: 'SKIPPED' } });
    expect(outcome.reason).toMatch(sentence(`SMS is unavailable: GetServers for VM "${server.vmServer.vmName}" was throttled or failed <n> times `
      + 'over <n> s; deploy again later'));
    const attempts = Number(/failed (\d+) times/.exec(outcome.reason!)![1]);
    expect(attempts).toBe(h.emu.stats.callsOf('GetServers'));
    expect(attempts).toBeGreaterThan(10);
    expect(Number(/over ([\d.]+) s/.exec(outcome.reason!)![1])).toBeLessThanOrEqual(1.5);
    expect(tookMs).toBeLessThan(3_000);
    expect(outcome.invocations[0].retries).toBe(attempts - 1);
    expect(h.emu.state.jobs).toEqual([]);
  });

  test('on a job whose server id is known: the sentence names the call, the VM and the server', async () => {
    // GIVEN
    process.env.CDK_SMS_RETRY_SAFETY_MS = '299000';
    h.emu.faults.add({ kind: 'unavailable' });
    const server = linuxServer();

    // WHEN
    const outcome = await h.driver().create('Web', job({ [Props.SERVER_ID]: server.serverId, [Props.DISPLAY_NAME]: server.vmServer.vmName }));

    // THEN
    expect(outcome.reason).toMatch(sentence(`SMS is unavailable: CreateReplicationJob for VM "${server.vmServer.vmName}" (server ${server.serverId}) `
      + 'was throttled or failed <n> times over <n> s; deploy again later'));
    expect(h.emu.state.jobs).toEqual([]);
  });
});
