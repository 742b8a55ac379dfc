import { familiesGate, familyGate, LINUX_AND_WINDOWS } from '../../lib/assessment/family-gate';
import { Outcome } from '../../lib/assessment/rule';
import { OsFamily, Vm } from '../../lib/plan/model/plan';

/** A VM with the given OS facts, written as a plan would (plain JSON). */
const vm = (os?: object): Vm => ({ name: 'vm-1', hypervisor: 'vmware', ...(os ? { os } : {}) }) as Vm;

const REQUIREMENT = 'a Linux VM must boot with GRUB (legacy) or GRUB 2';

describe('familyGate', () => {
  test('lets a VM of the family through, from os.family or from a recognised name', () => {
    // GIVEN Linux VMs, one saying so in os.family, one only through its name
    const byFamily = vm({ family: 'linux' });
    const byName = vm({ name: 'RHEL', version: '7.3' });
    // WHEN the Linux gate judges them
    // THEN the rule goes on
    expect(familyGate(byFamily, OsFamily.LINUX, REQUIREMENT)).toBeUndefined();
    expect(familyGate(byName, OsFamily.LINUX, REQUIREMENT)).toBeUndefined();
  });

  test('is n/a for another family, other included', () => {
    // GIVEN a Windows VM (by name), a VM of family other and a FreeBSD VM of family other
    const windows = vm({ name: 'windows-server', version: '2016' });
    const other = vm({ family: 'other' });
    const freebsd = vm({ family: 'other', name: 'freebsd' });
    // WHEN the Linux gate judges them
    // THEN the rule does not apply
    expect(familyGate(windows, OsFamily.LINUX, REQUIREMENT)?.outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(familyGate(other, OsFamily.LINUX, REQUIREMENT)?.outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(familyGate(freebsd, OsFamily.WINDOWS, REQUIREMENT)?.outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('takes os.family over the name', () => {
    // GIVEN a VM whose family says Windows and whose name says Linux (SMS-OS1 reports the contradiction)
    const contradicting = vm({ family: 'windows', name: 'rhel' });
    // WHEN / THEN the family decides
    expect(familyGate(contradicting, OsFamily.WINDOWS, REQUIREMENT)).toBeUndefined();
    expect(familyGate(contradicting, OsFamily.LINUX, REQUIREMENT)?.outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test.each([
    ['no os at all', undefined],
    ['an empty os', {}],
    ['a blank os.name', { name: '  ', version: '7' }],
  ])('is unknown naming os.family and os.name for %s', (_, os) => {
    // GIVEN a VM whose family and name are both missing
    // WHEN the gate judges it
    const result = familyGate(vm(os), OsFamily.LINUX, REQUIREMENT);
    // THEN it is unknown, naming both facts and what would pass
    expect(result?.outcome).toBe(Outcome.UNKNOWN);
    expect(result?.message).toBe(`the OS family is not recorded (os.family) and os.name is not recorded either: ${REQUIREMENT}`);
  });

  test.each(['windows', 'Linux', 'freebsd'])('is unknown quoting os.name %s when the name does not say the family', (name) => {
    // GIVEN a VM without os.family whose name is vague or unknown to the rules
    const vague = vm({ name: ` ${name} ` });
    // WHEN the gate judges it
    const result = familyGate(vague, OsFamily.WINDOWS, REQUIREMENT);
    // THEN it is unknown, quoting the name as written (trimmed)
    expect(result?.outcome).toBe(Outcome.UNKNOWN);
    expect(result?.message).toBe(`the OS family is not recorded (os.family) and os.name ${name} does not say: ${REQUIREMENT}`);
  });
});

describe('familiesGate', () => {
  test('lets a VM of any of the families through', () => {
    // GIVEN a Linux VM and a Windows VM
    const linux = vm({ family: 'linux' });
    const windows = vm({ name: 'windows-client', version: '10' });
    // WHEN the Linux-and-Windows gate judges them
    // THEN the rule goes on for both
    expect(familiesGate(linux, LINUX_AND_WINDOWS, REQUIREMENT)).toBeUndefined();
    expect(familiesGate(windows, LINUX_AND_WINDOWS, REQUIREMENT)).toBeUndefined();
    expect(familiesGate(windows, [OsFamily.WINDOWS], REQUIREMENT)).toBeUndefined();
  });

  test('is n/a for a family not listed', () => {
    // GIVEN a VM of family other, and a Linux VM
    // WHEN gates that do not list their family judge them
    // THEN the rule does not apply
    expect(familiesGate(vm({ family: 'other', name: 'freebsd' }), LINUX_AND_WINDOWS, REQUIREMENT)?.outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(familiesGate(vm({ name: 'ubuntu' }), [OsFamily.WINDOWS, OsFamily.OTHER], REQUIREMENT)?.outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(familiesGate(vm({ family: 'linux' }), [], REQUIREMENT)?.outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown with the same message as familyGate when the family cannot be told', () => {
    // GIVEN a VM without a family, named vaguely, and one with no OS facts
    const vague = vm({ name: 'windows' });
    // WHEN the Linux-and-Windows gate judges them
    const result = familiesGate(vague, LINUX_AND_WINDOWS, REQUIREMENT);
    // THEN both are unknown, worded as familyGate words it
    expect(result?.outcome).toBe(Outcome.UNKNOWN);
    expect(result).toEqual(familyGate(vague, OsFamily.LINUX, REQUIREMENT));
    expect(result?.message).toBe(`the OS family is not recorded (os.family) and os.name windows does not say: ${REQUIREMENT}`);
    expect(familiesGate(vm(), LINUX_AND_WINDOWS, REQUIREMENT)?.message)
      .toBe(`the OS family is not recorded (os.family) and os.name is not recorded either: ${REQUIREMENT}`);
  });

  test('lists Linux and Windows, and only them, as the families of every supported OS', () => {
    // GIVEN / WHEN / THEN
    expect([...LINUX_AND_WINDOWS].sort()).toEqual([OsFamily.LINUX, OsFamily.WINDOWS]);
    expect(Object.isFrozen(LINUX_AND_WINDOWS)).toBe(true);
  });
});
