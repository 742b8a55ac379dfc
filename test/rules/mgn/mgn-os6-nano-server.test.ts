import { nanoServer } from '../../../lib/rules/mgn/mgn-os6-nano-server';
import { Outcome, Severity } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-OS6 Nano Server', () => {
  const judge = (os: object) => nanoServer(mgnVmContext({ os }));
  const server = (version: string, installation?: string) => judge({ family: 'windows', name: 'windows-server', version, installation });

  test('passes full and core installations', () => {
    expect(server('2019', 'full').outcome).toBe(Outcome.PASS);
    expect(server('2022', 'core').outcome).toBe(Outcome.PASS);
  });

  test('passes a release before 2016 without os.installation: Nano Server did not exist', () => {
    expect(server('2012 R2').outcome).toBe(Outcome.PASS);
    expect(server('2008').outcome).toBe(Outcome.PASS);
  });

  test('fails a Nano Server installation', () => {
    // GIVEN Windows Server 2016 installed as Nano Server
    const result = server('2016', 'nano');
    // THEN it fails, naming os.installation and what passes
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2016 is a Nano Server installation (os.installation nano): '
      + 'Nano Server is not supported, full and core installations are');
  });

  test('is unknown without os.installation from 2016 on, or without a release', () => {
    const result = server('2016');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the installation option of Windows Server 2016 is not recorded (os.installation): '
      + 'Nano Server is not supported, full and core installations are');
    expect(judge({ family: 'windows', name: 'windows-server' }).outcome).toBe(Outcome.UNKNOWN);
    expect(judge({ family: 'windows' }).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is n/a for Windows clients, Linux and family other', () => {
    expect(judge({ family: 'windows', name: 'windows-client', version: '10' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'linux', name: 'rhel', version: '8.6' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other', name: 'freebsd' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs in the pack: the error can be acknowledged', () => {
    const plan = {
      version: 1, target: 'mgn',
      vms: [{
        name: 'nano', hypervisor: 'vmware', os: { family: 'windows', name: 'windows-server', version: '2019', installation: 'nano' },
        acknowledge: [{ rule: 'MGN-OS6', reason: 'rebuilt on EC2 after the wave' }],
      }],
    };
    const finding = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-OS6');
    expect(finding?.severity).toBe(Severity.ERROR);
    expect(finding?.acknowledged).toBe(true);
  });
});
