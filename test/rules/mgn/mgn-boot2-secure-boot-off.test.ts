import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { secureBootOff } from '../../../lib/rules/mgn/mgn-boot2-secure-boot-off';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'Linux must boot with Secure Boot off (guest.secureBoot false)';
const OS = { family: 'linux', name: 'ubuntu', version: '22.04' };

describe('MGN-BOOT2 Secure Boot off', () => {
  test('passes guest.secureBoot false', () => {
    expect(secureBootOff(mgnVmContext({ os: OS, firmware: 'uefi', guest: { secureBoot: false } })).outcome).toBe(Outcome.PASS);
  });

  test('passes BIOS firmware without guest.secureBoot: Secure Boot needs UEFI', () => {
    expect(secureBootOff(mgnVmContext({ os: OS, firmware: 'bios' })).outcome).toBe(Outcome.PASS);
  });

  test('fails guest.secureBoot true, for agentless VMs too', () => {
    // GIVEN a UEFI Linux guest with Secure Boot on, replicated agentless
    const ctx = mgnVmContext({ os: OS, firmware: 'uefi', guest: { secureBoot: true }, mgn: { replication: { method: 'agentless' } } });
    // WHEN
    const result = secureBootOff(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`Ubuntu 22.04 has Secure Boot on (guest.secureBoot true): ${REQUIREMENT}`);
  });

  test('is unknown when guest.secureBoot is missing on UEFI or unrecorded firmware', () => {
    const uefi = secureBootOff(mgnVmContext({ os: OS, firmware: 'uefi' }));
    expect(uefi.outcome).toBe(Outcome.UNKNOWN);
    expect(uefi.message).toBe(`whether Ubuntu 22.04 has Secure Boot on is not recorded (guest.secureBoot; firmware uefi): ${REQUIREMENT}`);
    const none = secureBootOff(mgnVmContext({ os: OS }));
    expect(none.message).toBe(`whether Ubuntu 22.04 has Secure Boot on is not recorded (guest.secureBoot): ${REQUIREMENT}`);
  });

  test('is n/a for Windows', () => {
    const ctx = mgnVmContext({ os: { family: 'windows', name: 'windows-server', version: '2022' }, guest: { secureBoot: true } });
    expect(secureBootOff(ctx).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'db-01', hypervisor: 'vmware', os: OS, guest: { secureBoot: true } }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-BOOT2');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error' });
  });
});
