import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { isComplete, onEvent } from '../../../lib/mgn/handler';
import { useEmulator } from './emulator';
import { completionEvent, resourceEvent } from './helpers';

const { emu, logs } = useEmulator({ initialized: false });

const event = (type: 'Create' | 'Update' | 'Delete', physicalId?: string) =>
  resourceEvent(ResourceTypes.INITIALIZATION, type, { DisplayName: 'MGN' }, physicalId ? { PhysicalResourceId: physicalId } : {});

describe('Custom::MgnInitialization', () => {
  test('initializes a fresh account, with one physical id per Region', async () => {
    // WHEN
    const answer = await onEvent(event('Create'));
    // THEN
    expect(answer.PhysicalResourceId).toBe('mgn-initialization:eu-west-1');
    expect(emu().initialized).toBe(true);
    expect(emu().stats.calls.InitializeService).toBe(1);
    expect(await isComplete(completionEvent(event('Create'), answer))).toEqual({ IsComplete: true });
  });

  test('succeeds again in an account already initialized (a second stack, an Update)', async () => {
    // GIVEN
    await onEvent(event('Create'));
    // WHEN
    const again = await onEvent(event('Update', 'mgn-initialization:eu-west-1'));
    // THEN
    expect(again.PhysicalResourceId).toBe('mgn-initialization:eu-west-1');
    expect(emu().initialized).toBe(true);
    expect(emu().diagnostics).toEqual([]);
  });

  test('Delete leaves MGN initialized and calls nothing', async () => {
    // GIVEN
    await onEvent(event('Create'));
    const calls = emu().stats.totalCalls;
    // WHEN
    const answer = await onEvent(event('Delete', 'mgn-initialization:eu-west-1'));
    // THEN
    expect(answer.PhysicalResourceId).toBe('mgn-initialization:eu-west-1');
    expect(emu().initialized).toBe(true);
    expect(emu().stats.totalCalls).toBe(calls);
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'initialize', outcome: 'left' }));
  });

  test('retries a throttled InitializeService', async () => {
    // GIVEN
    emu().setFaults([{ kind: 'throttle', operations: ['InitializeService'], count: 2 }]);
    // WHEN
    await onEvent(event('Create'));
    // THEN
    expect(emu().initialized).toBe(true);
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'initialize', retries: 2 }));
  });
});
