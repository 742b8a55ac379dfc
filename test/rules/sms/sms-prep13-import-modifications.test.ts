import { importModifications } from '../../../lib/rules/sms/sms-prep13-import-modifications';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP13 import modifications', () => {
  test('reminds every Linux VM of the Linux changes (fail at info severity)', () => {
    // GIVEN a Linux VM with no guest facts at all
    const ctx = vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } });
    // WHEN
    const result = importModifications(ctx);
    // THEN the notice lists the Linux changes and that originals are kept
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/^SMS will modify RHEL 7\.3 on import: /);
    expect(result.message).toMatch(/PV drivers/);
    expect(result.message).toMatch(/initrd/);
    expect(result.message).toMatch(/static IPs to DHCP/);
    expect(result.message).toMatch(/\/etc\/fstab/);
    expect(result.message).toMatch(/GRUB default entry and timeout/);
    expect(result.message).toMatch(/keeps its original/);
    expect(result.message).not.toMatch(/registry/);
  });

  test('reminds every Windows VM of the registry changes', () => {
    const result = importModifications(vmContext({ os: { name: 'windows-server', version: '2016' } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/registry settings/);
    expect(result.message).toMatch(/Windows Server 2016/);
    expect(result.message).not.toMatch(/GRUB|fstab/);
  });

  test('is never unknown for a known family, whatever facts are missing', () => {
    expect(importModifications(vmContext({ os: { family: 'linux' } })).outcome).toBe(Outcome.FAIL);
    expect(importModifications(vmContext({ os: { family: 'windows' } })).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = importModifications(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.family\)/);
  });

  test('is n/a for family other', () => {
    expect(importModifications(vmContext({ os: { family: 'other', name: 'freebsd' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
