import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { onEvent } from '../../../lib/mgn/handler';
import { useEmulator } from './emulator';
import { contextWith, failure, resourceEvent } from './helpers';

const { emu, logs } = useEmulator();

const serverProps = {
  DisplayName: 'web-01', VmName: 'web-01', ReplicationMethod: 'agent', ApplicationName: 'payments', Refresh: 'r1',
  ReplicationConfiguration: { dataPlaneRouting: 'PUBLIC_IP' },
  LaunchConfiguration: { copyPrivateIp: 'true' },
  LaunchTemplate: { InstanceType: 'm6i.large' },
};

describe('retries', () => {
  test('a whole deploy goes through seeded throttling, 5xx answers and lost answers, making nothing twice', async () => {
    // GIVEN a server, and one call in four failing one way or another
    const id = emu().seedServer({ userProvidedID: 'web-01' }).sourceServerID as string;
    emu().setFaults([
      { kind: 'throttle', rate: 0.1 }, { kind: 'internal', rate: 0.1 }, { kind: 'unavailable', rate: 0.05 }, { kind: 'lost-response', rate: 0.05 },
    ], [{ kind: 'throttle', rate: 0.2 }, { kind: 'lost-response', rate: 0.1 }]);
    // WHEN the wave and the server are deployed
    await onEvent(resourceEvent(ResourceTypes.WAVE, 'Create', { WaveName: 'Wave 1', Applications: ['payments'] }));
    const answer = await onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', serverProps));
    // THEN everything is there once
    expect(answer.Data?.Status).toBe('configured');
    expect(emu().waves()).toHaveLength(1);
    expect(emu().applications()).toHaveLength(1);
    expect(emu().memberships.serverToApplication[id]).toBe(emu().applications()[0].applicationID);
    expect(emu().launchTemplates().flatMap((t) => t.versions).filter((v) => (v.data as Record<string, unknown>).InstanceType === 'm6i.large'))
      .toHaveLength(1);
    // AND faults did happen, and were retried
    expect(emu().stats.totalCalls).toBeGreaterThan(10);
    const retries = logs().records().reduce((n, r) => Math.max(n, Number(r.retries ?? 0)), 0);
    expect(retries).toBeGreaterThan(0);
    expect(emu().diagnostics).toEqual([]);
  });

  test('gives up at the deadline with one sentence naming the service, the call and the VM', async () => {
    // GIVEN MGN throttles every listing, and the Lambda has 60 ms left of which 20 ms are kept back
    process.env.CDK_SMS_RETRY_SAFETY_MS = '20';
    emu().setFaults([{ kind: 'throttle', operations: ['DescribeSourceServers'] }]);
    // WHEN
    const message = await failure(onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', serverProps), contextWith(60)));
    // THEN
    expect(message).toMatch(
      /^MGN is unavailable: DescribeSourceServers for VM "web-01" was throttled or failed \d+ times? over [\d.]+ s; deploy again later$/);
  });

  test('an account where MGN is not initialized gets a sentence saying what to deploy', async () => {
    emu().setInitialized(false);
    const message = await failure(onEvent(resourceEvent(ResourceTypes.WAVE, 'Create', { WaveName: 'Wave 1', Applications: [] })));
    expect(message).toMatch(/MGN is not initialized in this account and Region/);
  });

  test('an error MGN means for good fails at once, naming the call and what MGN said', async () => {
    // GIVEN a server, and a replication setting MGN refuses
    emu().seedServer({ userProvidedID: 'web-01' });
    // WHEN
    const message = await failure(onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', {
      VmName: 'web-01', ReplicationConfiguration: { stagingAreaSubnetId: 'not-a-subnet' },
    })));
    // THEN
    expect(message).toMatch(/^UpdateReplicationConfiguration for VM "web-01" \(source server s-\w+\) failed: ValidationException/);
    expect(logs().records().filter((r) => r.step === 'failed')).toHaveLength(1);
  });
});
