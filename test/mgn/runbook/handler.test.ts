import { handler, setRunbookClient } from '../../../lib/mgn/runbook';
import { RunbookSteps } from '../../../lib/mgn/runbook/api';
import { captureLogs, contextWith } from '../handler/helpers';
import { mgnClient } from '../../mgn-emulator/helpers';
import { VM_TAG, failure, makeWave, useRunbookEmulator } from './harness';

/** The runbook's Lambda function: one step per invocation, a small answer, named errors, a log line per server. */

const { emu, mgn } = useRunbookEmulator();

beforeEach(() => setRunbookClient(mgnClient()));
afterEach(() => setRunbookClient());

describe('the runbook function', () => {
  test('runs a step and answers whether it is complete, with a summary; each server is a log line', async () => {
    // GIVEN
    const id = emu().seedServer({ state: 'READY_FOR_TEST', tags: { [VM_TAG]: 'web-01' } }).sourceServerID as string;
    await makeWave(mgn(), 'Wave 1', [id]);
    const logs = captureLogs();
    try {
      // WHEN
      const answer = await handler({ step: RunbookSteps.LAUNCH_TEST, waveName: 'Wave 1' }, contextWith(60_000));
      // THEN
      expect(answer).toEqual({ complete: false, summary: 'wave "Wave 1": 1 server: 1 launching' });
      expect(logs.records()).toContainEqual(expect.objectContaining({ level: 'info', step: 'launch-test', vmName: 'web-01', sourceServerId: id,
        state: 'TESTING' }));
    } finally {
      logs.restore();
    }
  });

  test('fails with the runbook error\'s name and its one-line message, and logs it', async () => {
    const logs = captureLogs();
    try {
      const error = await failure(handler({ step: RunbookSteps.READY, waveName: 'nowhere' }));
      expect([error.name, error.message]).toEqual(['RunbookInputError', 'no wave "nowhere" in MGN (in this account and Region); it has no wave']);
      expect(logs.records()).toContainEqual(expect.objectContaining({ level: 'error', errorName: 'RunbookInputError' }));
    } finally {
      logs.restore();
    }
  });

  test('an approval logs what is asked and the commands that answer its task token, and calls nothing', async () => {
    const logs = captureLogs();
    try {
      const answer = await handler({ step: RunbookSteps.APPROVAL, waveName: 'Wave 1', approval: 'test accepted', taskToken: 'AAAA-token',
        execution: 'arn:aws:states:eu-west-1:111122223333:execution:runbook:1' });
      expect(answer).toEqual({ complete: false, summary: 'waiting for: test accepted' });
      expect(logs.records()[0]).toEqual(expect.objectContaining({
        approval: 'test accepted', approve: 'aws stepfunctions send-task-success --task-token \'AAAA-token\' --task-output \'{}\'',
      }));
      expect(emu().stats.totalCalls).toBe(0);
    } finally {
      logs.restore();
    }
  });
});
