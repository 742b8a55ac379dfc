import { CreateApplicationCommand, CreateWaveCommand } from '@aws-sdk/client-mgn';
import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { onEvent } from '../../../lib/mgn/handler';
import { useEmulator } from './emulator';
import { failure, resourceEvent } from './helpers';

const { emu, logs, mgn } = useEmulator();

const props = (name: string, applications: string[], description?: string) =>
  ({ DisplayName: name, WaveName: name, Applications: applications, ...description !== undefined ? { Description: description } : {} });
const create = (name: string, applications: string[]) => onEvent(resourceEvent(ResourceTypes.WAVE, 'Create', props(name, applications)));

/** Application name → wave name, as the emulator holds them. */
function layout(): Record<string, string | undefined> {
  const waves = new Map(emu().waves().map((w) => [w.waveID as string, w.name as string]));
  const toWave = emu().memberships.applicationToWave;
  return Object.fromEntries(emu().applications().filter((a) => a.isArchived !== true)
    .map((a) => [a.name as string, waves.get(toWave[a.applicationID as string])]));
}

describe('Custom::MgnWave', () => {
  test('Create makes the wave and its applications, associated; the wave id is the physical id', async () => {
    // WHEN
    const answer = await create('Wave 1', ['payments', 'billing']);
    // THEN
    const waves = emu().waves();
    expect(waves).toHaveLength(1);
    expect(answer).toEqual({ PhysicalResourceId: waves[0].waveID, Data: { WaveId: waves[0].waveID } });
    expect(layout()).toEqual({ payments: 'Wave 1', billing: 'Wave 1' });
    expect(emu().diagnostics).toEqual([]);
  });

  test('a duplicate Create finds what the first made, whatever the case of the names', async () => {
    // GIVEN a wave and an application made outside, in other cases
    await mgn().send(new CreateWaveCommand({ name: 'WAVE 1' }));
    await mgn().send(new CreateApplicationCommand({ name: 'Payments' }));
    // WHEN
    const first = await create('Wave 1', ['payments']);
    const second = await create('Wave 1', ['payments']);
    // THEN nothing is made twice, and the wave takes the plan's spelling
    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    expect(emu().waves()).toHaveLength(1);
    expect(layout()).toEqual({ Payments: 'Wave 1' });
    expect(emu().stats.calls.CreateWave).toBe(1); // the test's own
    expect(emu().stats.calls.CreateApplication).toBe(1);
  });

  test('Update renames the wave in place, adds new applications and disassociates those no longer listed', async () => {
    // GIVEN
    const created = await create('Wave 1', ['payments', 'billing']);
    const waveId = created.PhysicalResourceId;
    // WHEN
    const updated = await onEvent(resourceEvent(ResourceTypes.WAVE, 'Update', props('Wave One', ['payments', 'ledger'], 'first'), {
      PhysicalResourceId: waveId, OldResourceProperties: props('Wave 1', ['payments', 'billing']),
    }));
    // THEN the id is kept, the name and description changed, the applications follow the list
    expect(updated.PhysicalResourceId).toBe(waveId);
    expect(emu().waves()).toEqual([expect.objectContaining({ waveID: waveId, name: 'Wave One', description: 'first' })]);
    expect(layout()).toEqual({ payments: 'Wave One', billing: undefined, ledger: 'Wave One' });
  });

  test('associates more than 50 applications in calls of at most 50', async () => {
    // GIVEN
    const names = Array.from({ length: 55 }, (_, i) => `app-${String(i).padStart(2, '0')}`);
    // WHEN
    await create('Wave 1', names);
    // THEN
    expect(Object.values(layout()).filter((w) => w === 'Wave 1')).toHaveLength(55);
    expect(emu().stats.calls.AssociateApplications).toBe(2);
  });

  test('an application moves from another wave into this one', async () => {
    // GIVEN
    await create('Wave 1', ['payments']);
    // WHEN
    await create('Wave 2', ['payments']);
    // THEN
    expect(layout()).toEqual({ payments: 'Wave 2' });
  });

  test('Delete removes the applications without servers, then the empty wave', async () => {
    // GIVEN
    const created = await create('Wave 1', ['payments', 'billing']);
    // WHEN
    await onEvent(resourceEvent(ResourceTypes.WAVE, 'Delete', props('Wave 1', ['payments', 'billing']),
      { PhysicalResourceId: created.PhysicalResourceId }));
    // THEN
    expect(emu().waves()).toEqual([]);
    expect(emu().applications()).toEqual([]);
  });

  test('Delete leaves a wave whose application still holds a server, and succeeds', async () => {
    // GIVEN a server retained in one of the applications
    const created = await create('Wave 1', ['payments', 'billing']);
    const payments = emu().applications().find((a) => a.name === 'payments');
    emu().seedServer({ hostname: 'web-01', applicationID: payments?.applicationID as string });
    // WHEN
    await onEvent(resourceEvent(ResourceTypes.WAVE, 'Delete', props('Wave 1', ['payments', 'billing']),
      { PhysicalResourceId: created.PhysicalResourceId }));
    // THEN billing is gone, payments and the wave stay, and the log says why
    expect(layout()).toEqual({ payments: 'Wave 1' });
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'delete-wave', outcome: 'left' }));
  });

  test('Delete of a wave already gone succeeds', async () => {
    const answer = await onEvent(resourceEvent(ResourceTypes.WAVE, 'Delete', props('Wave 1', ['payments']),
      { PhysicalResourceId: 'wave-0123456789abcdefg' }));
    expect(answer.PhysicalResourceId).toBe('wave-0123456789abcdefg');
  });

  test('fails with one sentence when a rename meets another wave of that name', async () => {
    // GIVEN
    const created = await create('Wave 1', []);
    await create('Wave 2', []);
    // WHEN
    const message = await failure(onEvent(resourceEvent(ResourceTypes.WAVE, 'Update', props('wave 2', []), {
      PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props('Wave 1', []),
    })));
    // THEN
    expect(message).toMatch(/^UpdateWave for wave "wave 2" failed: another wave is named "wave 2" already/);
  });

  test('survives throttling, 5xx and lost answers without making anything twice', async () => {
    // GIVEN the create calls are applied but their answers lost, and the listings throttled and failing
    emu().setFaults([
      { kind: 'lost-response', operations: ['CreateWave', 'CreateApplication', 'AssociateApplications'], count: 3 },
      { kind: 'throttle', operations: ['ListWaves', 'ListApplications'], count: 2 },
      { kind: 'internal', operations: ['ListApplications'], count: 1 },
    ]);
    // WHEN
    await create('Wave 1', ['payments']);
    // THEN
    expect(emu().waves()).toHaveLength(1);
    expect(layout()).toEqual({ payments: 'Wave 1' });
    expect(emu().stats.faults['lost-response']).toBe(3);
  });
});
