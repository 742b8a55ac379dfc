import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { gptGrub2PcModules } from '../../../lib/rules/mgn/mgn-boot3-gpt-grub2-pc-modules';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'Linux with a GPT boot disk needs package grub2-pc-modules installed (guest.packages)';
const OS = { family: 'linux', name: 'rhel', version: '7.9' };

describe('MGN-BOOT3 grub2-pc-modules on a GPT boot disk', () => {
  const check = (vm: object) => gptGrub2PcModules(mgnVmContext({ os: OS, ...vm }));
  const gpt = [{ name: 'Hard disk 1', partitionStyle: 'gpt' }];

  test('passes a GPT boot disk with the package installed', () => {
    expect(check({ disks: gpt, guest: { packages: { 'grub2-pc-modules': '2.02-0.87.el7' } } }).outcome).toBe(Outcome.PASS);
  });

  test('passes when the package is installed, whatever the disks say', () => {
    expect(check({ guest: { packages: { 'grub2-pc-modules': '2.02' } } }).outcome).toBe(Outcome.PASS);
  });

  test('fails a GPT boot disk when a recorded package map lacks it, for agentless VMs too', () => {
    // GIVEN a GPT boot disk and packages that do not list grub2-pc-modules
    const result = check({ disks: gpt, guest: { packages: { 'grub2-tools': '2.02' } }, mgn: { replication: { method: 'agentless' } } });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('RHEL 7.9 boots from gpt boot disk "Hard disk 1" without package grub2-pc-modules (guest.packages): '
      + 'install grub2-pc-modules and record it in guest.packages');
  });

  test('takes the disk marked boot, else the first', () => {
    const disks = [{ name: 'data', partitionStyle: 'gpt' }, { name: 'os', partitionStyle: 'mbr', boot: true }];
    expect(check({ disks, guest: { packages: {} } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    const first = check({ disks: [{ partitionStyle: 'gpt' }, { partitionStyle: 'mbr' }], guest: { packages: {} } });
    expect(first.message).toMatch(/^RHEL 7\.9 boots from gpt boot disk disk 1 \(the first disk: none is marked boot\)/);
  });

  test('is n/a for an MBR boot disk', () => {
    expect(check({ disks: [{ partitionStyle: 'mbr' }] }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when a GPT boot disk meets an unrecorded guest.packages', () => {
    const result = check({ disks: gpt });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the installed packages of RHEL 7.9 are not recorded (guest.packages), and boot disk "Hard disk 1" '
      + `uses gpt: ${REQUIREMENT}`);
  });

  test('is unknown when the partition style or the disks are not recorded', () => {
    const style = check({ disks: [{ name: 'Hard disk 1' }], guest: { packages: {} } });
    expect(style.outcome).toBe(Outcome.UNKNOWN);
    expect(style.message).toBe(`the partition style of boot disk "Hard disk 1" is not recorded (disks[].partitionStyle): ${REQUIREMENT}`);
    const disks = check({ guest: { packages: {} } });
    expect(disks.outcome).toBe(Outcome.UNKNOWN);
    expect(disks.message).toBe(`no disks are recorded (disks): ${REQUIREMENT}`);
  });

  test('is n/a for Windows', () => {
    const ctx = mgnVmContext({ os: { family: 'windows', name: 'windows-server', version: '2019' }, disks: gpt });
    expect(gptGrub2PcModules(ctx).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'app-01', hypervisor: 'vmware', os: OS, disks: gpt, guest: { packages: {} } }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-BOOT3');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error' });
  });
});
