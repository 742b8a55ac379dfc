import {
  comparePackageVersions, firstInstalled, installedVersion, isInstalled, missingPackages, parsePackageVersion,
} from '../../../../lib/rules/mgn/facts/packages';

describe('MGN package facts', () => {
  describe('parsePackageVersion', () => {
    test('splits version-release on dots and dashes, numerically', () => {
      expect(parsePackageVersion('2.03.23-1')).toEqual([2, 3, 23, 1]);
      expect(parsePackageVersion('4.2.5-83')).toEqual([4, 2, 5, 83]);
    });

    test('drops an rpm epoch and stops at a distribution tag', () => {
      expect(parsePackageVersion('8:2.03.23-1.el9')).toEqual([2, 3, 23, 1]);
      expect(parsePackageVersion('4.2.5-83.el7_9.1')).toEqual([4, 2, 5, 83]);
    });

    test('keeps the leading number of a part with letters', () => {
      expect(parsePackageVersion('4.4.1-1ubuntu2')).toEqual([4, 4, 1, 1]);
    });

    test('is undefined without a leading number', () => {
      expect(parsePackageVersion('')).toBeUndefined();
      expect(parsePackageVersion('latest')).toBeUndefined();
      expect(parsePackageVersion(undefined)).toBeUndefined();
    });
  });

  describe('comparePackageVersions', () => {
    test('compares part by part numerically, not as text', () => {
      expect(comparePackageVersions('2.03.23-1', '2.03.9-5')).toBe(1);
      expect(comparePackageVersions('2.03.9-5', '2.03.23-1')).toBe(-1);
      expect(comparePackageVersions('2.03.21-2.el9', '2.03.23-1')).toBe(-1);
    });

    test('counts a missing trailing part as 0', () => {
      expect(comparePackageVersions('2.03.23', '2.03.23-0')).toBe(0);
      expect(comparePackageVersions('2.03.23', '2.03.23-1')).toBe(-1);
      expect(comparePackageVersions('2.03.23-1', '2.03.23-1')).toBe(0);
    });

    test('is undefined when either is not a version', () => {
      expect(comparePackageVersions('latest', '2.03.23-1')).toBeUndefined();
      expect(comparePackageVersions('2.03.23-1', '')).toBeUndefined();
    });
  });

  describe('lookups', () => {
    const packages = { 'dhclient': '4.2.5-83.el7', 'GCC': '4.8.5', 'make': '', 'perl': ' 5.16.3 ' };

    test('finds a package exactly or regardless of case, with its version trimmed', () => {
      expect(installedVersion(packages, 'dhclient')).toBe('4.2.5-83.el7');
      expect(installedVersion(packages, 'gcc')).toBe('4.8.5');
      expect(installedVersion(packages, 'perl')).toBe('5.16.3');
    });

    test('an installed package without a version is installed, version empty', () => {
      expect(installedVersion(packages, 'make')).toBe('');
      expect(isInstalled(packages, 'make')).toBe(true);
    });

    test('a package absent from a present map is not installed', () => {
      expect(installedVersion(packages, 'tar')).toBeUndefined();
      expect(isInstalled(packages, 'tar')).toBe(false);
    });

    test('an absent map is unknown', () => {
      expect(isInstalled(undefined, 'tar')).toBeUndefined();
    });

    test('does not find names on the object prototype', () => {
      expect(installedVersion(packages, 'constructor')).toBeUndefined();
      expect(installedVersion(packages, 'toString')).toBeUndefined();
    });

    test('firstInstalled and missingPackages keep the order asked', () => {
      expect(firstInstalled(packages, ['dhcp-client', 'dhclient'])).toBe('dhclient');
      expect(firstInstalled(packages, ['dhcp-client', 'isc-dhcp-client'])).toBeUndefined();
      expect(missingPackages(packages, ['make', 'gcc', 'perl', 'tar', 'gawk', 'rpm'])).toEqual(['tar', 'gawk', 'rpm']);
      expect(missingPackages(packages, ['make'])).toEqual([]);
    });
  });
});
