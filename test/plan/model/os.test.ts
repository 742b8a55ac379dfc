import { describeOs, osFamily, osName, OsName, windowsRelease } from '../../../lib/plan/model/os';
import { OsFacts } from '../../../lib/plan/model/plan';

const os = (facts: object): OsFacts => facts as OsFacts;

describe('windowsRelease', () => {
  test.each([
    ['2012 R2', '2012r2'], ['Windows Server 2012 R2', '2012r2'], ['2012-R2', '2012r2'], ['2012r2', '2012r2'],
    ['2003 SP2', '2003'], ['2008 R2 SP1', '2008r2'], ['2012 R1', '2012'], ['8.1', '8.1'], ['10', '10'], ['XP', 'xp'],
  ])('folds %s to %s', (version, release) => {
    expect(windowsRelease(os({ version }))).toBe(release);
  });

  test('is undefined without a version', () => {
    expect(windowsRelease(os({ name: 'windows-server' }))).toBeUndefined();
  });
});

describe('osName and osFamily', () => {
  test.each([['RHEL', OsName.RHEL], ['Red Hat Enterprise Linux', OsName.RHEL], ['SUSE', OsName.SLES], ['oracle linux', OsName.ORACLE_LINUX]])(
    'recognises %s', (name, expected) => {
      expect(osName(os({ name }))).toBe(expected);
    });

  test('keeps an unknown name as lower-case text', () => {
    expect(osName(os({ name: 'FreeBSD' }))).toBe('freebsd');
  });

  test('infers the family from a recognised name only', () => {
    expect(osFamily(os({ name: 'ubuntu' }))).toBe('linux');
    expect(osFamily(os({ name: 'windows-client' }))).toBe('windows');
    expect(osFamily(os({ name: 'freebsd' }))).toBeUndefined();
  });
});

describe('describeOs', () => {
  test('names the OS as a person would', () => {
    expect(describeOs(os({ name: 'rhel', version: '7.4' }))).toBe('RHEL 7.4');
    expect(describeOs(os({ name: 'windows-server', version: '2012 r2' }))).toBe('Windows Server 2012 R2');
    expect(describeOs(os({ family: 'linux' }))).toBe('the linux OS');
    expect(describeOs(undefined)).toBe('the OS');
  });
});
