import { windowsEdition } from '../../../lib/rules/sms/sms-os4-windows-edition';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS4 windows edition', () => {
  const judge = (name: string, version: string, edition?: string) => windowsEdition(vmContext({
    os: { family: 'windows', name, version, edition },
  }));

  test.each([
    ['windows-server', '2003', ['standard', 'datacenter', 'enterprise']],
    ['windows-server', '2003 R2', ['standard', 'datacenter', 'enterprise']],
    ['windows-server', '2008', ['standard', 'datacenter', 'enterprise']],
    ['windows-server', '2008 R2', ['standard', 'datacenter', 'enterprise']],
    ['windows-server', '2012', ['standard', 'datacenter']],
    ['windows-server', '2012 R2', ['standard', 'datacenter']],
    ['windows-server', '2016', ['standard', 'datacenter']],
    ['windows-client', '7', ['professional', 'enterprise', 'ultimate']],
    ['windows-client', '8', ['professional', 'enterprise']],
    ['windows-client', '8.1', ['professional', 'enterprise']],
    ['windows-client', '10', ['professional', 'enterprise', 'education']],
  ])('passes every supported edition of %s %s', (name, version, editions) => {
    for (const edition of editions as string[]) {
      expect(judge(name as string, version as string, edition).outcome).toBe(Outcome.PASS);
    }
  });

  test('compares editions without regard to case or a trailing "edition"', () => {
    expect(judge('windows-server', '2016', 'DATACENTER').outcome).toBe(Outcome.PASS);
    expect(judge('windows-server', '2012 R2', ' Standard Edition ').outcome).toBe(Outcome.PASS);
    expect(judge('windows-client', '10', 'Pro').outcome).toBe(Outcome.PASS);
  });

  test('fails Enterprise from 2012 on, naming the edition and the supported ones', () => {
    // GIVEN Enterprise, supported up to 2008 R2 but not on 2012
    expect(judge('windows-server', '2008 R2', 'enterprise').outcome).toBe(Outcome.PASS);
    // WHEN judged on 2012
    const result = judge('windows-server', '2012', 'Enterprise');
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2012 edition Enterprise is not supported (supported: Standard, Datacenter)');
  });

  test('fails Ultimate after Windows 7 and Education before Windows 10', () => {
    expect(judge('windows-client', '7', 'ultimate').outcome).toBe(Outcome.PASS);
    expect(judge('windows-client', '8', 'ultimate').message).toBe('Windows 8 edition ultimate is not supported (supported: Professional, Enterprise)');
    expect(judge('windows-client', '10', 'education').outcome).toBe(Outcome.PASS);
    expect(judge('windows-client', '8.1', 'education').outcome).toBe(Outcome.FAIL);
  });

  test.each([
    ['windows-client', '10', 'home'],
    ['windows-server', '2008', 'web'],
    ['windows-server', '2016', 'essentials'],
  ])('fails %s %s %s', (name, version, edition) => {
    const result = judge(name, version, edition);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toContain(`edition ${edition} is not supported`);
  });

  test('is unknown when os.edition is missing, naming it and the supported editions', () => {
    const result = judge('windows-client', '10');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the edition of Windows 10 is not recorded (os.edition) (supported: Professional, Enterprise, Education)');
  });

  test('is unknown when the release or the name is not recorded', () => {
    const noVersion = windowsEdition(vmContext({ os: { family: 'windows', name: 'windows-server', edition: 'standard' } }));
    expect(noVersion.outcome).toBe(Outcome.UNKNOWN);
    expect(noVersion.message).toMatch(/os\.version/);
    const noName = windowsEdition(vmContext({ os: { family: 'windows', edition: 'standard' } }));
    expect(noName.outcome).toBe(Outcome.UNKNOWN);
    expect(noName.message).toMatch(/os\.name/);
  });

  test('is unknown for a vague Windows name', () => {
    const result = windowsEdition(vmContext({ os: { family: 'windows', name: 'Windows', version: '2016', edition: 'standard' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the Windows name Windows is vague (os.name: windows-server or windows-client): each release supports its own editions');
  });

  test('is n/a for Linux, family other, and a release SMS-OS1 fails', () => {
    expect(windowsEdition(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsEdition(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge('windows-server', '2019', 'standard').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = windowsEdition(vmContext({ os: { edition: 'standard' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
