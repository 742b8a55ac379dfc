import * as path from 'path';
import { SmsEmulator, SmsModel, defaultModelPath } from '../support/sms-emulator';

describe('the Smithy model', () => {
  test('is read from ../shared/reference next to the repository', () => {
    // GIVEN
    const repoRoot = path.resolve(__dirname, '..', '..');
    // THEN
    expect(defaultModelPath()).toBe(path.join(repoRoot, '..', 'shared', 'reference', 'sms-model.json'));
  });

  test('gives the emulator its operations, target prefix and error statuses', () => {
    // WHEN
    const model = SmsModel.load();
    // THEN
    expect(model.operationNames).toHaveLength(35);
    expect(model.targetPrefix).toBe('AWSServerMigrationService_V2016_10_24');
    expect(model.operation('CreateReplicationJob')?.errors).toContain('ReplicationJobAlreadyExistsException');
    expect(model.errorStatus('NoConnectorsAvailableException')).toBe(430);
    expect(model.errorStatus('DryRunOperationException')).toBe(412);
    expect(model.errorStatus('ReplicationRunLimitExceededException')).toBe(429);
    expect(model.errorStatus('ThrottlingException')).toBeUndefined();
    expect(model.enumValues('VmManagerType')).toEqual(['VSPHERE', 'SCVMM', 'HYPERV-MANAGER']);
  });

  test('fails to start with a clear message when the model file is absent', async () => {
    // WHEN / THEN
    await expect(SmsEmulator.start({ modelPath: '/nonexistent/sms-model.json' }))
      .rejects.toThrow(/Smithy model was not found at \/nonexistent\/sms-model.json.*shared\/reference\/sms-model.json/);
  });
});
