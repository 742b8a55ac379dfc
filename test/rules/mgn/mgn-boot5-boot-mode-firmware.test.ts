import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { bootModeFirmware } from '../../../lib/rules/mgn/mgn-boot5-boot-mode-firmware';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const OS = { family: 'windows', name: 'windows-server', version: '2019' };

describe('MGN-BOOT5 launch boot mode matches the firmware', () => {
  const check = (bootMode: string | undefined, firmware?: string, plan?: object) => bootModeFirmware(mgnVmContext({
    os: OS, firmware, ...(bootMode !== undefined ? { mgn: { launch: { bootMode } } } : {}),
  }, { plan }));

  test('passes the default use-source, whatever the firmware', () => {
    expect(check(undefined).outcome).toBe(Outcome.PASS);
    expect(check('use-source', 'uefi').outcome).toBe(Outcome.PASS);
  });

  test.each([['legacy-bios', 'bios'], ['uefi', 'uefi'], ['uefi', 'UEFI']])('passes boot mode %s on firmware %s', (mode, firmware) => {
    expect(check(mode, firmware).outcome).toBe(Outcome.PASS);
  });

  test('fails a mode that does not match, naming both and the fix', () => {
    // GIVEN a BIOS VM launched as UEFI
    const result = check('uefi', 'bios');
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('launch boot mode uefi (mgn.launch.bootMode) does not match firmware bios (firmware): '
      + 'set mgn.launch.bootMode to legacy-bios or use-source');
  });

  test('names defaults.mgn.launch.bootMode when the mode comes from the plan defaults', () => {
    const result = check(undefined, 'uefi', { defaults: { mgn: { launch: { bootMode: 'legacy-bios' } } } });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('launch boot mode legacy-bios (defaults.mgn.launch.bootMode) does not match firmware uefi (firmware): '
      + 'set defaults.mgn.launch.bootMode to uefi or use-source');
  });

  test('is unknown when an explicit mode meets an unrecorded firmware', () => {
    const result = check('legacy-bios');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the firmware is not recorded (firmware): launch boot mode legacy-bios (mgn.launch.bootMode) needs '
      + 'firmware bios, or use-source to follow the source');
  });

  test('judges every family and method', () => {
    const other = bootModeFirmware(mgnVmContext({ os: { family: 'other', name: 'freebsd' }, firmware: 'bios',
      mgn: { launch: { bootMode: 'uefi' }, replication: { method: 'agentless' } } }));
    expect(other.outcome).toBe(Outcome.FAIL);
  });

  test('reports through the whole pack as a warning', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'app-01', hypervisor: 'vmware', os: OS, firmware: 'bios',
      mgn: { launch: { bootMode: 'uefi' } } }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-BOOT5');
    expect(finding).toMatchObject({ outcome: 'fail', severity: Severity.WARNING });
  });
});
