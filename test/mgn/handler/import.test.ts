import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ListImportsCommand, StartImportCommand } from '@aws-sdk/client-mgn';
import { ResourceTypes, VM_TAG } from '../../../lib/mgn/handler/api';
import { isComplete, onEvent } from '../../../lib/mgn/handler';
import { IsCompleteResponse, OnEventResponse, ResourceEvent } from '../../../lib/handler-common/event';
import { useEmulator } from './emulator';
import { completionEvent, failure, resourceEvent } from './helpers';

const s3Root = fs.mkdtempSync(path.join(os.tmpdir(), 'mgn-import-'));
afterAll(() => fs.rmSync(s3Root, { recursive: true, force: true }));

const { emu, mgn } = useEmulator({ s3Root, importSteps: 1 });

const HEADER = `mgn:server:user-provided-id,mgn:server:platform,mgn:server:fqdn-for-action-framework,mgn:server:tag:${VM_TAG}`;

/** Writes a CSV of the plan's rows under the emulator's S3 folder; answers the import resource's properties. */
function csv(key: string, rows: Array<[string, string]>): Record<string, unknown> {
  const body = [HEADER, ...rows.map(([vm, platform]) => `${vm},${platform},${vm}.corp.example.com,${vm}`)].join('\n');
  fs.mkdirSync(path.join(s3Root, 'assets', path.dirname(key)), { recursive: true });
  fs.writeFileSync(path.join(s3Root, 'assets', key), `${body}\n`);
  return { DisplayName: 'inventory', Bucket: 'assets', Key: key, ContentHash: `hash-of-${key}`, RowVms: rows.map(([vm]) => vm) };
}

/** Polls isComplete as the framework would, at most `max` times. */
async function poll(event: ResourceEvent, answer: OnEventResponse, max = 10): Promise<IsCompleteResponse> {
  for (let i = 0; i < max; i++) {
    const result = await isComplete(completionEvent(event, answer));
    if (result.IsComplete) {
      return result;
    }
  }
  throw new Error(`not complete after ${max} polls`);
}

describe('Custom::MgnImport', () => {
  test('imports the CSV and reports what it created; the import id is the physical id', async () => {
    // GIVEN
    const event = resourceEvent(ResourceTypes.IMPORT, 'Create', csv('a.csv', [['web-01', 'Linux'], ['db-01', 'Windows']]));
    // WHEN
    const answer = await onEvent(event);
    const done = await poll(event, answer);
    // THEN
    const imports = emu().imports();
    expect(imports).toHaveLength(1);
    expect(answer.PhysicalResourceId).toBe(imports[0].id);
    expect(done.Data).toEqual({ ImportId: imports[0].id, ServersCreated: '2', ServersModified: '0' });
    expect(emu().servers().map((s) => s.userProvidedID).sort()).toEqual(['db-01', 'web-01']);
    expect(emu().diagnostics).toEqual([]);
  });

  test('a duplicate Create, or a lost StartImport answer, starts no second import', async () => {
    // GIVEN
    const event = resourceEvent(ResourceTypes.IMPORT, 'Create', csv('b.csv', [['web-01', 'Linux']]));
    emu().setFaults([{ kind: 'lost-response', operations: ['StartImport'], count: 1 }]);
    // WHEN
    const first = await onEvent(event);
    const second = await onEvent(event);
    // THEN
    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    expect(emu().imports()).toHaveLength(1);
    await poll(event, first);
  });

  test('fails naming the VMs of the rows MGN refused and what it said', async () => {
    // GIVEN a row with a platform MGN does not know
    const event = resourceEvent(ResourceTypes.IMPORT, 'Create', csv('c.csv', [['web-01', 'Linux'], ['db-01', 'Solaris']]));
    const answer = await onEvent(event);
    // WHEN
    const message = await failure(poll(event, answer));
    // THEN
    expect(message).toMatch(new RegExp(`^import ${answer.PhysicalResourceId} of s3://assets/c.csv failed for 1 VM: VM "db-01" \\(row 2\\): `
      + 'mgn:server:platform Solaris is not valid'));
  });

  test('a missing object fails with MGN\'s reason', async () => {
    const event = resourceEvent(ResourceTypes.IMPORT, 'Create', { Bucket: 'assets', Key: 'missing.csv', ContentHash: 'h', RowVms: ['web-01'] });
    const answer = await onEvent(event);
    expect(await failure(poll(event, answer))).toMatch(new RegExp(`^import ${answer.PhysicalResourceId} of s3://assets/missing.csv failed: `
      + 'NoSuchKey: s3://assets/missing.csv does not exist; check the CSV and the handler\'s access to it, then deploy again$'));
  });

  test('waits while another import runs, then starts and completes', async () => {
    // GIVEN another import running
    csv('other.csv', [['app-01', 'Linux']]);
    await mgn().send(new StartImportCommand({ clientToken: 'someone-else', s3BucketSource: { s3Bucket: 'assets', s3Key: 'other.csv' } }));
    const event = resourceEvent(ResourceTypes.IMPORT, 'Create', csv('d.csv', [['web-01', 'Linux']]));
    // WHEN
    const answer = await onEvent(event);
    // THEN it is not started yet
    expect(answer.PhysicalResourceId).toMatch(/^import-pending:[0-9a-f]{64}$/);
    expect(emu().imports()).toHaveLength(1);
    expect(await isComplete(completionEvent(event, answer))).toEqual({ IsComplete: false });
    // WHEN the other import ends (the emulator's clock moves on listings) and this one is polled until it ran
    await mgn().send(new ListImportsCommand({}));
    await mgn().send(new ListImportsCommand({}));
    expect(emu().imports()[0].status).toBe('SUCCEEDED');
    const done = await poll(event, answer);
    // THEN the final answer carries the import id as the physical id
    const mine = emu().imports().find((i) => i.key === 'd.csv');
    expect(done).toEqual(expect.objectContaining({ IsComplete: true, PhysicalResourceId: mine?.id }));
    expect(done.Data?.ImportId).toBe(mine?.id);
  });

  test('two stacks importing the same CSV each get their import', async () => {
    const props = csv('e.csv', [['web-01', 'Linux']]);
    const one = resourceEvent(ResourceTypes.IMPORT, 'Create', props);
    const a = await onEvent(one);
    await poll(one, a);
    const other = resourceEvent(ResourceTypes.IMPORT, 'Create', props, { StackId: `${one.StackId}-other` });
    const b = await onEvent(other);
    expect(b.PhysicalResourceId).not.toBe(a.PhysicalResourceId);
  });

  test('Delete does nothing', async () => {
    const calls = emu().stats.totalCalls;
    const answer = await onEvent(resourceEvent(ResourceTypes.IMPORT, 'Delete', csv('f.csv', []), { PhysicalResourceId: 'import-0123456789abcdefg' }));
    expect(answer.PhysicalResourceId).toBe('import-0123456789abcdefg');
    expect(emu().stats.totalCalls).toBe(calls);
  });
});
