import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { onEvent } from '../../../lib/mgn/handler';
import { importClientToken, importFailure, vmOfRow } from '../../../lib/mgn/handler/import';
import { CapturedLogs, STACK_ID, captureLogs, failure, resourceEvent } from './helpers';

let logs: CapturedLogs;
beforeEach(() => { logs = captureLogs(); });
afterEach(() => logs.restore());

describe('property errors', () => {
  test('fails when a source server property is unreadable, naming the property and what is allowed', async () => {
    // WHEN
    const message = await failure(onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', {
      VmName: 'web-01', ReplicationMethod: 'pigeon', LaunchConfiguration: { copyPrivateIp: 'yes' }, ReplicationConfiguration: { nope: 'x' },
    })));
    // THEN every problem is named at once
    expect(message).toMatch(/^invalid properties for VM "web-01": /);
    expect(message).toMatch(/ReplicationMethod "pigeon" is not allowed, use "agent" or "agentless"/);
    expect(message).toMatch(/ReplicationConfiguration\.nope is not a known setting/);
    // AND the failure is logged as one line without the ResponseURL
    expect(logs.records()).toContainEqual(expect.objectContaining({ level: 'error', step: 'failed', resource: 'VM' }));
    expect(logs.lines.join('\n')).not.toMatch(/SECRETSIGNATURE/);
  });

  test('fails when the VM name, wave name or import key is missing or wrong', async () => {
    expect(await failure(onEvent(resourceEvent(ResourceTypes.SOURCE_SERVER, 'Create', { DisplayName: 'web-01' }))))
      .toMatch(/VmName is missing, give the plan VM's name/);
    expect(await failure(onEvent(resourceEvent(ResourceTypes.WAVE, 'Create', { WaveName: ' wave 1', Applications: 'app' }))))
      .toMatch(/WaveName " wave 1" is not allowed.*; Applications "app" is not allowed, use a list of strings/);
    expect(await failure(onEvent(resourceEvent(ResourceTypes.IMPORT, 'Create', { Bucket: 'b', Key: 'inventory.txt', ContentHash: 'ab' }))))
      .toMatch(/Key "inventory.txt" is not allowed, MGN imports only keys that end in .csv/);
  });

  test('fails for a resource type or request type it does not handle', async () => {
    expect(await failure(onEvent(resourceEvent('Custom::Other', 'Create', {})))).toMatch(/ResourceType "Custom::Other" is not handled here/);
    expect(await failure(onEvent({ ...resourceEvent(ResourceTypes.WAVE, 'Create', {}), RequestType: 'Rollback' as 'Create' })))
      .toMatch(/RequestType "Rollback" is not allowed/);
  });
});

describe('import helpers', () => {
  test('the client token is 64 hex digits of content, stack and resource', () => {
    const token = importClientToken('abc', STACK_ID, 'Import');
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(importClientToken('abc', STACK_ID, 'Import')).toBe(token);
    expect(importClientToken('abc', `${STACK_ID}x`, 'Import')).not.toBe(token);
    expect(importClientToken('abd', STACK_ID, 'Import')).not.toBe(token);
  });

  test('a failure names the VMs of the failed rows, at most five, and how many more', () => {
    const rowVms = ['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5', 'vm-6', 'vm-7'];
    const errors = rowVms.map((_, i) => ({ errorType: 'VALIDATION_ERROR' as const, errorData: { rowNumber: i + 1, rawError: `bad ${i}` } }));
    const message = importFailure('import-1', { bucket: 'b', key: 'k.csv', contentHash: 'h', rowVms }, { status: 'FAILED' }, errors);
    expect(message).toBe('import import-1 of s3://b/k.csv failed for 7 VMs: VM "vm-1" (row 1): bad 0; VM "vm-2" (row 2): bad 1; '
      + 'VM "vm-3" (row 3): bad 2; VM "vm-4" (row 4): bad 3; VM "vm-5" (row 5): bad 4, and 2 more; fix these VMs in the plan and deploy again');
    expect(vmOfRow(0, rowVms)).toBeUndefined();
    expect(vmOfRow(8, rowVms)).toBeUndefined();
    expect(vmOfRow(undefined, rowVms)).toBeUndefined();
  });
});
