import { DescribeSourceServersCommand } from '@aws-sdk/client-mgn';
import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { onEvent } from '../../../lib/mgn/handler';
import { useEmulator } from './emulator';
import { failure, resourceEvent } from './helpers';

/**
 * MGN's eventual consistency (mgn-api.md §7): a wave or application just created may be missing from the
 * listings for a while. The emulator leaves each new application, wave and server out of its first two
 * List/Describe calls. The handler reads again, with backoff, where it knows the name must exist: the
 * application its wave resource has just made, and the wave or application a create call reported as
 * existing (ConflictException) after its first answer was lost.
 */

const { emu, logs, mgn } = useEmulator({ invisibleReads: 2 });

/** A server of the VM, seeded and read past its invisible reads: listed from now on. */
async function listedServer(): Promise<string> {
  const id = emu().seedServer({ userProvidedID: 'web-01' }).sourceServerID as string;
  for (let read = 0; read < 2; read++) {
    await mgn().send(new DescribeSourceServersCommand({}));
  }
  return id;
}

const waveProps = { WaveName: 'Wave 1', Applications: ['web'] };
const serverProps = { DisplayName: 'web-01', VmName: 'web-01', ReplicationMethod: 'agent', ApplicationName: 'web', Refresh: 'r1' };

test('a server joins the application its wave resource has just made, though MGN does not list it yet', async () => {
  // GIVEN the wave resource made the application (not listed for two reads), and the VM's server, listed by now
  const server = await listedServer();
  await onEvent(resourceEvent(ResourceTypes.WAVE, 'Create', waveProps));

  // WHEN
  const answer = await onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', serverProps));

  // THEN
  expect(answer.PhysicalResourceId).toBe(server);
  const app = emu().applications().find((a) => a.name === 'web')!;
  expect(emu().memberships.serverToApplication).toEqual({ [server]: app.applicationID });
  expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'consistency', outcome: 'waiting' }));
});

test('a wave whose CreateWave answer was lost is taken once MGN lists it: one wave, one application', async () => {
  // GIVEN CreateWave and CreateApplication make what they are asked, but their answers are lost
  emu().faults.add({ kind: 'lost-response', operations: ['CreateWave'], count: 1 });
  emu().faults.add({ kind: 'lost-response', operations: ['CreateApplication'], count: 1 });

  // WHEN
  const answer = await onEvent(resourceEvent(ResourceTypes.WAVE, 'Create', waveProps));

  // THEN the retries met a conflict, and the handler read until MGN listed what they had made
  const waves = emu().waves();
  expect(waves.map((w) => w.name)).toEqual(['Wave 1']);
  expect(answer.PhysicalResourceId).toBe(waves[0].waveID);
  expect(emu().applications().map((a) => [a.name, a.waveID])).toEqual([['web', waves[0].waveID]]);
  expect(emu().requests.filter((r) => r.operation === 'CreateWave' || r.operation === 'CreateApplication').map((r) => r.errorType ?? r.status))
    .toEqual(['dropped', 'ConflictException', 'dropped', 'ConflictException']);
});

test('a server whose application no wave resource made still fails, after reading a few times', async () => {
  // GIVEN
  await listedServer();

  // WHEN
  const message = await failure(onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', serverProps)));

  // THEN
  expect(message).toContain('cannot join application "web": MGN lists no application of that name that is not archived');
  expect(emu().requests.filter((r) => r.operation === 'ListApplications').length).toBeGreaterThan(1);
});
