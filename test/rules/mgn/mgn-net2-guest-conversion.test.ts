import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { guestConversion } from '../../../lib/rules/mgn/mgn-net2-guest-conversion';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const WINDOWS = { family: 'windows', name: 'windows-server', version: '2019' };
const CONVERSION = 'MGN\'s conversion changes the guest: it adjusts the boot loader, injects EC2 drivers, installs AWS cloud tools '
  + 'and resets networking to DHCP';

describe('MGN-NET2 guest conversion (info)', () => {
  test('reminds every VM, keeping the primary IPv4 when the first NIC is static (the default)', () => {
    // GIVEN a VM whose first NIC is static, copyPrivateIp not written
    const ctx = mgnVmContext({ os: WINDOWS, nics: [{ ipv4: ['10.1.2.5'], addressing: 'static' }] });
    // WHEN
    const result = guestConversion(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`${CONVERSION}; the primary private IPv4 is kept (launch.copyPrivateIp true)`);
  });

  test('says the address changes when the first NIC uses DHCP', () => {
    const result = guestConversion(mgnVmContext({ os: WINDOWS, nics: [{ ipv4: ['10.1.2.5'], addressing: 'dhcp' }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`${CONVERSION}; the instance gets a new private IPv4 from its subnet (launch.copyPrivateIp false)`);
  });

  test('follows copyPrivateIp written in defaults over the NIC\'s addressing', () => {
    const ctx = mgnVmContext({ os: WINDOWS, nics: [{ ipv4: ['10.1.2.5'], addressing: 'static' }] },
      { plan: { defaults: { mgn: { launch: { copyPrivateIp: false } } } } });
    expect(guestConversion(ctx).message).toMatch(/launch\.copyPrivateIp false\)$/);
  });

  test('is never unknown: missing NICs default copyPrivateIp to false', () => {
    const result = guestConversion(mgnVmContext({ os: WINDOWS }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/copyPrivateIp false/);
  });

  test('shares one result between VMs', () => {
    expect(guestConversion(mgnVmContext({ os: WINDOWS }))).toBe(guestConversion(mgnVmContext({ name: 'vm-2', os: WINDOWS })));
  });

  test('reports an info finding through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'app-01', hypervisor: 'vmware', os: WINDOWS }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-NET2');
    expect(finding?.severity).toBe(Severity.INFO);
    expect(finding?.message).toMatch(/^MGN's conversion changes the guest/);
  });
});
