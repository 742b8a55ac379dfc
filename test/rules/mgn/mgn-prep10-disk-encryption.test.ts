import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { diskEncryption } from '../../../lib/rules/mgn/mgn-prep10-disk-encryption';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-PREP10 OS disk encryption', () => {
  const judge = (os: object, value?: string, extra: object = {}) => diskEncryption(mgnVmContext({ os, guest: { diskEncryption: value }, ...extra }));
  const WINDOWS = { family: 'windows', name: 'windows-server', version: '2019' };
  const LINUX = { family: 'linux', name: 'ubuntu', version: '22.04' };

  test('passes none on any family, with either method', () => {
    expect(judge(WINDOWS, 'none').outcome).toBe(Outcome.PASS);
    expect(judge(LINUX, 'none', { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.PASS);
    expect(judge({ family: 'other', name: 'freebsd' }, 'none').outcome).toBe(Outcome.PASS);
  });

  test('fails BitLocker', () => {
    const result = judge(WINDOWS, 'bitlocker');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('the OS disk of Windows Server 2019 is BitLocker-encrypted (guest.diskEncryption: bitlocker): '
      + 'decrypt it before replication (guest.diskEncryption: none); the block copy cannot be unlocked on EC2');
  });

  test('fails LUKS and other encryption', () => {
    expect(judge(LINUX, 'luks').message).toMatch(/^the OS disk of Ubuntu 22\.04 is LUKS-encrypted \(guest\.diskEncryption: luks\): /);
    expect(judge(LINUX, 'other').message).toMatch(/^the OS disk of Ubuntu 22\.04 is guest-encrypted \(guest\.diskEncryption: other\): /);
  });

  test('is unknown when missing or an unknown value, even when the family cannot be told', () => {
    const result = judge({}, undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the OS disk encryption of the OS is not recorded (guest.diskEncryption): the OS disk must not be encrypted '
      + 'in the guest (guest.diskEncryption: none): MGN copies blocks, and the copy cannot be unlocked on EC2');
    expect(judge(LINUX, 'veracrypt').message).toMatch(/^guest\.diskEncryption is veracrypt, not none, bitlocker, luks or other: /);
  });

  test('runs through the whole pack, and can be acknowledged', () => {
    const vm = { name: 'win-01', hypervisor: 'vmware', os: WINDOWS, guest: { diskEncryption: 'bitlocker' },
      acknowledge: [{ rule: 'MGN-PREP10', reason: 'BitLocker is suspended and decrypted before cutover' }] };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP10');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error', acknowledged: true });
  });
});
