import { supportedOs } from '../../../lib/rules/mgn/mgn-os1-supported-os';
import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const MATRIX = 'windows-server, windows-client, amazon-linux, rhel, centos, centos-stream, oracle-linux, rocky, almalinux, sles, '
  + 'ubuntu, debian';

describe('MGN-OS1 supported OS', () => {
  const judge = (os: object) => supportedOs(mgnVmContext({ os }));

  test.each([
    ['windows', 'windows-server'], ['windows', 'windows-client'], ['linux', 'amazon-linux'], ['linux', 'rhel'], ['linux', 'centos'],
    ['linux', 'centos-stream'], ['linux', 'oracle-linux'], ['linux', 'rocky'], ['linux', 'almalinux'], ['linux', 'sles'],
    ['linux', 'ubuntu'], ['linux', 'debian'],
  ])('passes family %s with os.name %s', (family, name) => {
    expect(judge({ family, name }).outcome).toBe(Outcome.PASS);
  });

  test('passes a matrix name without os.family, and an alias', () => {
    expect(judge({ name: 'Rocky Linux', version: '9.2' }).outcome).toBe(Outcome.PASS);
  });

  test('fails a distribution outside the matrix, naming it and the matrix', () => {
    // GIVEN a Fedora guest
    // WHEN judged
    const result = judge({ family: 'linux', name: 'fedora', version: '39' });
    // THEN it fails, naming os.name and what passes
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`Fedora Server 39 (os.name fedora) is not in MGN's OS matrix: MGN supports ${MATRIX}`);
    expect(judge({ family: 'linux', name: 'freebsd' }).outcome).toBe(Outcome.FAIL);
  });

  test('fails family other, with or without a name', () => {
    const named = judge({ family: 'other', name: 'freebsd', version: '13' });
    expect(named.outcome).toBe(Outcome.FAIL);
    expect(named.message).toBe(`freebsd 13 of os.family other is not supported: MGN supports ${MATRIX}`);
    expect(judge({ family: 'other' }).message).toBe(`os.family other is not supported: MGN supports ${MATRIX}`);
  });

  test('fails a family that contradicts the name', () => {
    const result = judge({ family: 'linux', name: 'windows-server', version: '2019' });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('os.family linux contradicts os.name windows-server, which is windows: correct the one that is wrong');
    expect(judge({ family: 'windows', name: 'ubuntu' }).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when os.name is missing', () => {
    const result = judge({ family: 'linux', version: '8' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the OS is not named (os.name): MGN supports ${MATRIX}`);
  });

  test('is unknown when os.name only says the family', () => {
    const result = judge({ family: 'windows', name: 'Windows' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`os.name Windows does not say which OS it is: MGN supports ${MATRIX}`);
  });

  test('runs in the pack: a FreeBSD VM fails MGN-OS1 and its version rules are n/a', () => {
    // GIVEN an MGN plan with a FreeBSD VM
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'bsd', hypervisor: 'vmware', os: { family: 'other', name: 'freebsd' } }] };
    // WHEN the whole plan is assessed
    const findings = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings;
    // THEN MGN-OS1 fails and MGN-OS2 to MGN-OS4 and MGN-OS6 report nothing
    expect(findings.find((f) => f.rule === 'MGN-OS1')?.message).toBe(`freebsd of os.family other is not supported: MGN supports ${MATRIX}`);
    expect(findings.filter((f) => ['MGN-OS2', 'MGN-OS3', 'MGN-OS4', 'MGN-OS6'].includes(f.rule))).toEqual([]);
  });
});
