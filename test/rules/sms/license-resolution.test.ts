import { resolveLicense } from '../../../lib/rules/sms/license-resolution';
import { LicenseChoice, OsFacts } from '../../../lib/plan/model/plan';

const os = (facts: object): OsFacts => facts as OsFacts;

describe('resolveLicense', () => {
  test('keeps an explicit choice, whatever the OS', () => {
    expect(resolveLicense(os({ family: 'linux', name: 'rhel' }), LicenseChoice.AWS)).toBe('aws');
    expect(resolveLicense(os({ family: 'windows', name: 'windows-server' }), LicenseChoice.BYOL)).toBe('byol');
    expect(resolveLicense(undefined, LicenseChoice.BYOL)).toBe('byol');
  });

  test.each([
    [{ family: 'windows', name: 'windows-server', version: '2012 R2' }, 'aws'],
    [{ family: 'windows', name: 'windows-server', version: '2019' }, 'aws'],
    [{ family: 'windows', name: 'windows-server-2019' }, 'aws'],
    [{ name: 'Windows Server' }, 'aws'],
    [{ family: 'windows', name: 'windows-client', version: '10' }, 'byol'],
    [{ family: 'windows', name: 'windows-xp' }, 'byol'],
    [{ family: 'linux', name: 'ubuntu' }, 'byol'],
    [{ family: 'linux' }, 'byol'],
    [{ family: 'other', name: 'freebsd' }, 'byol'],
    [{ family: 'other' }, 'byol'],
  ])('resolves auto for %j to %s', (facts, license) => {
    expect(resolveLicense(os(facts), LicenseChoice.AUTO)).toBe(license);
  });

  test('cannot resolve auto for a Windows VM with no name, or no OS facts at all', () => {
    expect(resolveLicense(os({ family: 'windows' }), LicenseChoice.AUTO)).toBeUndefined();
    expect(resolveLicense(undefined, LicenseChoice.AUTO)).toBeUndefined();
  });
});
