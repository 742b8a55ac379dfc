import { effectiveReplication, LIBRARY_REPLICATION_DEFAULTS } from '../../../lib/rules/sms/replication-settings';
import { PlanDefaults, ReplicationSettings } from '../../../lib/plan/model/plan';

describe('effectiveReplication', () => {
  test('falls back on the library defaults: interval every 12 hours, auto license, not encrypted', () => {
    expect(effectiveReplication(undefined, undefined)).toEqual({
      type: 'interval', frequencyHours: 12, licenseType: 'auto', encrypted: false, enhancedNetworking: false, attestations: [],
      seedTime: undefined, amisToKeep: undefined, kmsKeyId: undefined,
    });
    expect(LIBRARY_REPLICATION_DEFAULTS.frequencyHours).toBe(12);
  });

  test('merges field by field: the VM over the plan defaults over the library', () => {
    const defaults = { replication: { type: 'one-time', frequencyHours: 6, amisToKeep: 3, attestations: ['suse-byos'] } } as PlanDefaults;
    const own = { frequencyHours: 2, encrypted: true } as ReplicationSettings;
    expect(effectiveReplication(own, defaults)).toMatchObject({
      type: 'one-time', frequencyHours: 2, amisToKeep: 3, encrypted: true, licenseType: 'auto', attestations: ['suse-byos'],
    });
  });

  test('lets a VM say false or 0 over a default', () => {
    const defaults = { replication: { encrypted: true, amisToKeep: 5 } } as PlanDefaults;
    expect(effectiveReplication({ encrypted: false, amisToKeep: 0 }, defaults)).toMatchObject({ encrypted: false, amisToKeep: 0 });
  });
});
