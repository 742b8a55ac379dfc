import { hvmAmi } from '../../../lib/rules/sms/sms-hv6-hvm-ami';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-HV6 hvm ami', () => {
  test.each(['vmware', 'hyperv'])('tells a Linux VM on %s that its AMI will be HVM (fail at the rule\'s info severity)', (hypervisor) => {
    // GIVEN a Linux VM
    const ctx = vmContext({ hypervisor, os: { family: 'linux', name: 'rhel', version: '7.3' } });
    // WHEN
    const result = hvmAmi(ctx);
    // THEN the finding is reported at the rule's own severity (info)
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/^RHEL 7\.3 will be imported as an HVM AMI/);
    expect(result.message).toMatch(/paravirtual \(PV\)/);
    expect(result.message).toMatch(/PVHVM/);
  });

  test('passes Windows: its AMIs are HVM anyway', () => {
    expect(hvmAmi(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' } })).outcome).toBe(Outcome.PASS);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = hvmAmi(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });

  test('infers Linux from a recognised name', () => {
    expect(hvmAmi(vmContext({ os: { name: 'debian', version: '8.0.0' } })).outcome).toBe(Outcome.FAIL);
  });

  test('is n/a for other', () => {
    expect(hvmAmi(vmContext({ os: { family: 'other', name: 'freebsd' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
