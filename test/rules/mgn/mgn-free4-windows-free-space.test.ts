import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { windowsFreeSpace } from '../../../lib/rules/mgn/mgn-free4-windows-free-space';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const SYSTEM = 'the Windows system volume needs at least 2 GiB free to launch';
const PROGRAM_FILES = 'the agent needs at least 2 GiB free on the volume holding Program Files (x86) '
  + '(guest.programFilesVolume, default the system volume)';
const OS = { family: 'windows', name: 'windows-server', version: '2019' };
const AGENTLESS = { mgn: { replication: { method: 'agentless' } } };

describe('MGN-FREE4 free space on Windows volumes', () => {
  const check = (volumes: object[] | undefined, extra: object = {}) => windowsFreeSpace(mgnVmContext({
    os: OS, disks: [{ name: 'os', volumes }], ...extra,
  }));

  describe('agent', () => {
    test('passes 4 GiB on a system volume that holds Program Files (x86)', () => {
      expect(check([{ mount: 'C:', freeGiB: 4 }]).outcome).toBe(Outcome.PASS);
    });

    test('passes 2 GiB exactly on each of two volumes', () => {
      const result = check([{ mount: 'c:\\', freeGiB: 2 }, { mount: 'D:', freeGiB: 2 }], { guest: { programFilesVolume: 'd:\\' } });
      expect(result.outcome).toBe(Outcome.PASS);
    });

    test('warns below 4 GiB when the system volume holds Program Files (x86)', () => {
      // GIVEN C: with 3 GiB free and no programFilesVolume (the system volume, by default)
      const result = check([{ mount: 'C:', freeGiB: 3 }]);
      // THEN
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBe(Severity.WARNING);
      expect(result.message).toBe('system volume C: on "os" has 3 GiB free (disks[].volumes[].freeGiB) and also holds Program Files (x86): '
        + 'at least 4 GiB is advised, 2 GiB to launch and 2 GiB for the agent');
    });

    test('fails below 2 GiB on the Program Files (x86) volume', () => {
      const result = check([{ mount: 'C:', freeGiB: 50 }, { mount: 'E:', freeGiB: 1 }], { guest: { programFilesVolume: 'E:' } });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBeUndefined();
      expect(result.message).toBe(`Program Files (x86) volume E: on "os" has 1 GiB free (disks[].volumes[].freeGiB): ${PROGRAM_FILES}`);
    });

    test('fails with both messages when both volumes are short', () => {
      const result = check([{ mount: 'C:', freeGiB: 1 }, { mount: 'E:', freeGiB: 0.5 }], { guest: { programFilesVolume: 'E:' } });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`system volume C: on "os" has 1 GiB free (disks[].volumes[].freeGiB): ${SYSTEM}; `
        + `Program Files (x86) volume E: on "os" has 0.5 GiB free (disks[].volumes[].freeGiB): ${PROGRAM_FILES}`);
    });

    test('an error outranks an unknown', () => {
      const result = check([{ mount: 'C:', freeGiB: 1 }], { guest: { programFilesVolume: 'E:' } });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`system volume C: on "os" has 1 GiB free (disks[].volumes[].freeGiB): ${SYSTEM}`);
    });

    test('is unknown when guest.programFilesVolume names no recorded volume', () => {
      const result = check([{ mount: 'C:', freeGiB: 10 }], { guest: { programFilesVolume: 'E:' } });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe(`guest.programFilesVolume E: names no recorded volume (disks[].volumes[].mount): ${PROGRAM_FILES}`);
    });

    test('is unknown when the Program Files (x86) volume has no freeGiB', () => {
      const result = check([{ mount: 'C:', freeGiB: 10 }, { mount: 'D:' }], { guest: { programFilesVolume: 'D:' } });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toBe('the free space of Program Files (x86) volume D: on "os" is not recorded (disks[].volumes[].freeGiB): '
        + PROGRAM_FILES);
    });
  });

  describe('agentless', () => {
    test('passes 2 GiB exactly on the system volume, Program Files (x86) aside', () => {
      expect(check([{ mount: 'C:', freeGiB: 2 }], { ...AGENTLESS, guest: { programFilesVolume: 'Z:' } }).outcome).toBe(Outcome.PASS);
    });

    test('fails below 2 GiB on the system volume, marked system: true', () => {
      const result = check([{ mount: 'C:', freeGiB: 100 }, { mount: 'S:', system: true, freeGiB: 1.9999 }], AGENTLESS);
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`system volume S: on "os" has 1.9999 GiB free (disks[].volumes[].freeGiB): ${SYSTEM}`);
    });
  });

  test('is unknown when the system volume or its free space is not recorded', () => {
    const free = check([{ mount: 'C:' }], AGENTLESS);
    expect(free.outcome).toBe(Outcome.UNKNOWN);
    expect(free.message).toBe(`the free space of system volume C: on "os" is not recorded (disks[].volumes[].freeGiB): ${SYSTEM}`);
    const none = check([{ mount: 'D:', freeGiB: 10 }]);
    expect(none.outcome).toBe(Outcome.UNKNOWN);
    expect(none.message).toBe(`no system volume (mounted at C: or marked system: true) is recorded (disks[].volumes[].mount): ${SYSTEM}`);
  });

  test('is n/a for Linux', () => {
    expect(check([{ mount: '/', freeGiB: 0 }], { os: { family: 'linux', name: 'rhel', version: '8.6' } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('reports through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'sql-01', hypervisor: 'vmware', os: OS,
      disks: [{ volumes: [{ mount: 'C:', freeGiB: 3 }] }] }] } as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-FREE4');
    expect(finding).toMatchObject({ outcome: 'fail', severity: Severity.WARNING });
  });
});
