import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { linuxBootloader } from '../../../lib/rules/mgn/mgn-boot1-linux-bootloader';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'Linux must boot with GRUB legacy or GRUB 2 (os.bootloader grub or grub2)';

describe('MGN-BOOT1 Linux boot loader', () => {
  const linux = (bootloader?: string, extra: object = {}) => linuxBootloader(mgnVmContext({
    os: { family: 'linux', name: 'rhel', version: '8.6', bootloader }, ...extra,
  }));

  test.each(['grub', 'grub2', ' GRUB2 '])('passes boot loader %p', (bootloader) => {
    expect(linux(bootloader).outcome).toBe(Outcome.PASS);
  });

  test('fails another boot loader, naming it and what passes', () => {
    // GIVEN a Linux guest booting with LILO
    // WHEN
    const result = linux('lilo');
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`RHEL 8.6 boots with lilo (os.bootloader): ${REQUIREMENT}`);
  });

  test('judges agentless VMs too', () => {
    expect(linux('systemd-boot', { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when os.bootloader is missing', () => {
    const result = linux();
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the boot loader of RHEL 8.6 is not recorded (os.bootloader): ${REQUIREMENT}`);
  });

  test('is n/a for Windows and other', () => {
    expect(linuxBootloader(mgnVmContext({ os: { family: 'windows', name: 'windows-server', version: '2019' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(linuxBootloader(mgnVmContext({ os: { family: 'other', name: 'freebsd' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = linuxBootloader(mgnVmContext({ os: { name: 'solaris' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });

  test('reports through the whole pack as a hard error', () => {
    // GIVEN an MGN plan whose Linux VM boots with syslinux
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware',
      os: { family: 'linux', name: 'ubuntu', version: '22.04', bootloader: 'syslinux' } }] } as Plan;
    // WHEN the plan is assessed
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-BOOT1');
    // THEN
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error', message: `Ubuntu 22.04 boots with syslinux (os.bootloader): ${REQUIREMENT}` });
  });
});
