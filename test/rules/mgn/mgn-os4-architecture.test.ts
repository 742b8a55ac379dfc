import { architecture } from '../../../lib/rules/mgn/mgn-os4-architecture';
import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-OS4 architecture', () => {
  const judge = (os: object) => architecture(mgnVmContext({ os }));

  test('passes x86_64 on Linux and Windows', () => {
    expect(judge({ family: 'linux', name: 'rhel', version: '8.6', architecture: 'x86_64' }).outcome).toBe(Outcome.PASS);
    expect(judge({ family: 'windows', name: 'windows-server', version: '2003', architecture: 'x86_64' }).outcome).toBe(Outcome.PASS);
  });

  test('fails 32-bit x86, even on a release SMS took as 32-bit', () => {
    // GIVEN a 32-bit Windows Server 2008
    const result = judge({ family: 'windows', name: 'windows-server', version: '2008', architecture: 'x86' });
    // THEN it fails, naming os.architecture and what passes
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2008 is x86 (os.architecture): MGN replicates only 64-bit x86 (x86_64)');
  });

  test('fails ARM', () => {
    expect(judge({ family: 'linux', name: 'ubuntu', version: '22.04', architecture: 'arm64' }).message)
      .toBe('Ubuntu 22.04 is arm64 (os.architecture): MGN replicates only 64-bit x86 (x86_64)');
  });

  test('is unknown when os.architecture is missing', () => {
    const result = judge({ family: 'linux', name: 'debian', version: '11' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the architecture of Debian 11 is not recorded (os.architecture): MGN replicates only 64-bit x86 (x86_64)');
  });

  test('runs in the pack: an x86 RHEL fails MGN-OS4, and is n/a after MGN-OS1 fails', () => {
    const plan = {
      version: 1, target: 'mgn',
      vms: [
        { name: 'a', hypervisor: 'vmware', os: { family: 'linux', name: 'rhel', version: '8.6', architecture: 'x86' } },
        { name: 'b', hypervisor: 'vmware', os: { family: 'linux', name: 'fedora', version: '39', architecture: 'x86' } },
      ],
    };
    const vms = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms;
    expect(vms[0].findings.find((f) => f.rule === 'MGN-OS4')?.message).toBe('RHEL 8.6 is x86 (os.architecture): MGN replicates only 64-bit x86 (x86_64)');
    expect(vms[1].findings.find((f) => f.rule === 'MGN-OS4')).toBeUndefined();
  });
});
