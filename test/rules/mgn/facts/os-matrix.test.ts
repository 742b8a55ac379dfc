import {
  displayVersion, Listing, listing, MATRIX_DATE, MATRIX_NAMES, matrixEntry, MatrixEntry, OS_MATRIX, readKernel, readOs, readVersion,
  retirementDate, retirementsText, supportedText,
} from '../../../../lib/rules/mgn/facts/os-matrix';

/** The matrix row of a name, which every test here expects to exist. */
function row(name: string): MatrixEntry {
  const entry = matrixEntry({ name });
  if (entry === undefined) {
    throw new Error(`no row for ${name}`);
  }
  return entry;
}

/** Whether the matrix lists `version` for `name`; `unreadable` when the grammar does not read it. */
function listed(name: string, version: string): Listing | 'unreadable' {
  const entry = row(name);
  const read = readVersion(entry, version);
  return read === undefined ? 'unreadable' : listing(entry, read);
}

/** The retirement date of `version` of `name`. */
function retired(name: string, version: string): string | undefined {
  const entry = row(name);
  const read = readVersion(entry, version);
  if (read === undefined) {
    throw new Error(`unreadable ${name} ${version}`);
  }
  return retirementDate(entry, read);
}

/** How the grammar reads a version back. */
function readAs(name: string, version: string): string | undefined {
  const entry = row(name);
  const read = readVersion(entry, version);
  return read === undefined ? undefined : displayVersion(entry, read);
}

const { LISTED, NOT_LISTED, UNDETERMINED } = Listing;

describe('MGN OS matrix', () => {
  test('is dated and holds one row per distribution, in MGN-RULES.md order', () => {
    expect(MATRIX_DATE).toBe('2026-12-04');
    expect(OS_MATRIX.map((e) => e.name)).toEqual([
      'windows-server', 'windows-client', 'amazon-linux', 'rhel', 'centos', 'centos-stream', 'oracle-linux', 'rocky', 'almalinux',
      'sles', 'ubuntu', 'debian',
    ]);
    expect(MATRIX_NAMES).toBe(OS_MATRIX.map((e) => e.name).join(', '));
  });

  test('finds a row by os.name, aliases and case folded, and none for other names', () => {
    expect(matrixEntry({ name: 'Red Hat Enterprise Linux' })?.name).toBe('rhel');
    expect(matrixEntry({ name: 'Rocky Linux' })?.name).toBe('rocky');
    expect(matrixEntry({ name: 'fedora' })).toBeUndefined();
    expect(matrixEntry({ name: 'freebsd' })).toBeUndefined();
    expect(matrixEntry({})).toBeUndefined();
  });

  test('writes every row\'s supported versions and retirements', () => {
    const text = Object.fromEntries(OS_MATRIX.map((e) => [e.name, `${supportedText(e)} | ${retirementsText(e)}`]));
    expect(text).toEqual({
      'windows-server': '2003, 2003 R2, 2008, 2008 R2, 2012, 2012 R2, 2016, 2019, 2022, 2025 | 2003 from 2026-02-15, '
        + '2003 R2 from 2026-02-15, 2008 from 2026-12-30, 2008 R2 from 2026-12-30',
      'windows-client': '7, 10, 11 | 7 from 2026-12-30',
      'amazon-linux': '1, 2, 2023 | 1 from 2026-11-20',
      'rhel': '6.0-9.8, 10.0-10.1 | 6.x from 2026-12-30',
      'centos': '6.0-8.5 | 6.x from 2026-08-28, 7.x from 2026-11-20, 8.x from 2026-12-30',
      'centos-stream': '9, 10 | ',
      'oracle-linux': '6.0-7.8, 8.5-8.9, 9.0-9.4, 9.7, 10.1 | 6.x from 2026-08-28',
      'rocky': '8.0-9.8, 10.0-10.1 | ',
      'almalinux': '9.6-9.8, 10.0-10.1 | ',
      'sles': '11 SP4, 12-12 SP5, 15-15 SP7 | 11 SP4 from 2026-08-28',
      'ubuntu': '12.04-24.04 | 12.04 from 2026-08-20, 14.04 from 2026-12-20',
      'debian': '10, 11 | 10 from 2026-12-30',
    });
  });

  describe('windows-server', () => {
    test.each(['2003', '2003 R2', '2008', '2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025'])('lists %s', (v) => {
      expect(listed('windows-server', v)).toBe(LISTED);
    });

    test('reads the exact release name, case and spaces ignored', () => {
      expect(readAs('windows-server', '2012r2')).toBe('2012 R2');
      expect(readAs('windows-server', 'Windows Server 2012 R2')).toBe('2012 R2');
      expect(readAs('windows-server', ' 2003  r2 ')).toBe('2003 R2');
      expect(listed('windows-server', '2000')).toBe(NOT_LISTED);
      expect(listed('windows-server', '2012 R2 Datacenter')).toBe(NOT_LISTED);
    });

    test('retires 2003 and 2003 R2 on 2026-02-15, 2008 and 2008 R2 on 2026-12-30, the rest never', () => {
      expect(retired('windows-server', '2003')).toBe('2026-02-15');
      expect(retired('windows-server', '2003 R2')).toBe('2026-02-15');
      expect(retired('windows-server', '2008')).toBe('2026-12-30');
      expect(retired('windows-server', '2008 R2')).toBe('2026-12-30');
      expect(retired('windows-server', '2012')).toBeUndefined();
      expect(retired('windows-server', '2025')).toBeUndefined();
    });
  });

  describe('windows-client', () => {
    test('lists 7, 10 and 11, not XP, Vista, 8 or 8.1', () => {
      expect(['7', '10', '11', 'Windows 10'].map((v) => listed('windows-client', v))).toEqual([LISTED, LISTED, LISTED, LISTED]);
      expect(['xp', 'vista', '8', '8.1'].map((v) => listed('windows-client', v))).toEqual([NOT_LISTED, NOT_LISTED, NOT_LISTED, NOT_LISTED]);
    });

    test('retires 7 on 2026-12-30', () => {
      expect(retired('windows-client', '7')).toBe('2026-12-30');
      expect(retired('windows-client', '11')).toBeUndefined();
    });
  });

  describe('amazon-linux', () => {
    test('reads the major, and a YYYY.MM release as Amazon Linux 1', () => {
      expect(readAs('amazon-linux', '2018.03')).toBe('1');
      expect(readAs('amazon-linux', '2011.09')).toBe('1');
      expect(readAs('amazon-linux', '2')).toBe('2');
      expect(readAs('amazon-linux', '2023.6.20241010')).toBe('2023');
      expect(readAs('amazon-linux', 'two')).toBeUndefined();
    });

    test('lists 1, 2 and 2023 only', () => {
      expect(['1', '2018.03', '2', '2023'].map((v) => listed('amazon-linux', v))).toEqual([LISTED, LISTED, LISTED, LISTED]);
      expect(['3', '2022', '2019.01'].map((v) => listed('amazon-linux', v))).toEqual([NOT_LISTED, NOT_LISTED, NOT_LISTED]);
    });

    test('retires 1 (2018.03 too) on 2026-11-20', () => {
      expect(retired('amazon-linux', '2018.03')).toBe('2026-11-20');
      expect(retired('amazon-linux', '2')).toBeUndefined();
    });
  });

  describe('rhel', () => {
    test('reads major.minor numerically, a bare major as .0, a third part ignored', () => {
      expect(readAs('rhel', '6.10')).toBe('6.10');
      expect(readAs('rhel', '7')).toBe('7.0');
      expect(readAs('rhel', '7.9.2009')).toBe('7.9');
      expect(readAs('rhel', '7.9 (Maipo)')).toBe('7.9');
      expect(readAs('rhel', '6.x')).toBe('6.x');
      expect(readAs('rhel', '6.X')).toBe('6.x');
    });

    test('does not read text that is not major.minor', () => {
      expect(readAs('rhel', 'RHEL 7')).toBeUndefined();
      expect(readAs('rhel', '7.9abc')).toBeUndefined();
      expect(readAs('rhel', '6.xyz')).toBeUndefined();
      expect(readAs('rhel', '7.')).toBeUndefined();
    });

    test('lists 6.0 to 9.8 and 10.0, 10.1, with 6.10 above 6.9', () => {
      expect(['6.0', '6.9', '6.10', '9.8', '10', '10.1'].map((v) => listed('rhel', v))).toEqual([LISTED, LISTED, LISTED, LISTED, LISTED, LISTED]);
      expect(['5.11', '9.9', '9.10', '10.2'].map((v) => listed('rhel', v))).toEqual([NOT_LISTED, NOT_LISTED, NOT_LISTED, NOT_LISTED]);
    });

    test('lists a major with any minor only when every minor is listed', () => {
      expect(listed('rhel', '6.x')).toBe(LISTED);
      expect(listed('rhel', '9.x')).toBe(UNDETERMINED);
      expect(listed('rhel', '5.x')).toBe(NOT_LISTED);
    });

    test('retires every 6 minor on 2026-12-30', () => {
      expect(retired('rhel', '6.0')).toBe('2026-12-30');
      expect(retired('rhel', '6.10')).toBe('2026-12-30');
      expect(retired('rhel', '6.x')).toBe('2026-12-30');
      expect(retired('rhel', '7.9')).toBeUndefined();
    });
  });

  describe('centos', () => {
    test('lists 6.0 to 8.5, 7.9.2009 as 7.9', () => {
      expect(['6.0', '7.9.2009', '8.0', '8.5'].map((v) => listed('centos', v))).toEqual([LISTED, LISTED, LISTED, LISTED]);
      expect(['5.11', '8.6', '9'].map((v) => listed('centos', v))).toEqual([NOT_LISTED, NOT_LISTED, NOT_LISTED]);
      expect(listed('centos', '7.x')).toBe(LISTED);
      expect(listed('centos', '8.x')).toBe(UNDETERMINED);
    });

    test('retires 6.x on 2026-08-28, 7.x on 2026-11-20 and 8.x on 2026-12-30', () => {
      expect(retired('centos', '6.10')).toBe('2026-08-28');
      expect(retired('centos', '7.9.2009')).toBe('2026-11-20');
      expect(retired('centos', '8.5')).toBe('2026-12-30');
      expect(retired('centos', '8.x')).toBe('2026-12-30');
    });
  });

  describe('centos-stream', () => {
    test('lists majors 9 and 10, reading the major alone', () => {
      expect(['9', '10', '10.2'].map((v) => listed('centos-stream', v))).toEqual([LISTED, LISTED, LISTED]);
      expect(['8', '11'].map((v) => listed('centos-stream', v))).toEqual([NOT_LISTED, NOT_LISTED]);
      expect(retired('centos-stream', '9')).toBeUndefined();
    });
  });

  describe('oracle-linux', () => {
    test('lists 6.0-7.8, 8.5-8.9, 9.0-9.4, 9.7 and 10.1', () => {
      const yes = ['6.0', '7.8', '8.5', '8.9', '9.0', '9.4', '9.7', '10.1'];
      const no = ['7.9', '8.4', '8.10', '9.5', '9.6', '9.8', '10.0', '10'];
      expect(yes.map((v) => listed('oracle-linux', v))).toEqual(yes.map(() => LISTED));
      expect(no.map((v) => listed('oracle-linux', v))).toEqual(no.map(() => NOT_LISTED));
      expect(listed('oracle-linux', '8.x')).toBe(UNDETERMINED);
    });

    test('retires 6.x on 2026-08-28', () => {
      expect(retired('oracle-linux', '6.10')).toBe('2026-08-28');
      expect(retired('oracle-linux', '7.8')).toBeUndefined();
      expect(retired('oracle-linux', '8.x')).toBeUndefined();
    });
  });

  describe('rocky and almalinux', () => {
    test('rocky lists 8.0-9.8, 10.0 and 10.1', () => {
      expect(['8.0', '8.10', '9.8', '10.0', '10.1'].map((v) => listed('rocky', v))).toEqual([LISTED, LISTED, LISTED, LISTED, LISTED]);
      expect(['7.9', '9.9', '10.2'].map((v) => listed('rocky', v))).toEqual([NOT_LISTED, NOT_LISTED, NOT_LISTED]);
      expect(retired('rocky', '8.0')).toBeUndefined();
    });

    test('almalinux lists 9.6-9.8, 10.0 and 10.1', () => {
      expect(['9.6', '9.8', '10', '10.1'].map((v) => listed('almalinux', v))).toEqual([LISTED, LISTED, LISTED, LISTED]);
      expect(['8.10', '9.5', '9.9', '10.2'].map((v) => listed('almalinux', v))).toEqual([NOT_LISTED, NOT_LISTED, NOT_LISTED, NOT_LISTED]);
      expect(retired('almalinux', '9.6')).toBeUndefined();
    });
  });

  describe('sles', () => {
    test('reads (major, service pack): 12 is SP0, 12.3 is 12 SP3', () => {
      expect(readAs('sles', '12')).toBe('12');
      expect(readAs('sles', '12.3')).toBe('12 SP3');
      expect(readAs('sles', '12 SP3')).toBe('12 SP3');
      expect(readAs('sles', '12-sp3')).toBe('12 SP3');
      expect(readAs('sles', '12sp3')).toBe('12 SP3');
      expect(readAs('sles', '11 SP4')).toBe('11 SP4');
      expect(readAs('sles', '12 SP3a')).toBeUndefined();
    });

    test('lists 11 SP4 and every 12 and 15 level to 15 SP7', () => {
      const yes = ['11 SP4', '11.4', '12', '12 SP5', '15', '15.7', '15 SP7'];
      const no = ['11 SP3', '12 SP6', '13', '14.1', '15 SP8', '16'];
      expect(yes.map((v) => listed('sles', v))).toEqual(yes.map(() => LISTED));
      expect(no.map((v) => listed('sles', v))).toEqual(no.map(() => NOT_LISTED));
      expect(listed('sles', '11.x')).toBe(UNDETERMINED);
    });

    test('retires 11 SP4 on 2026-08-28', () => {
      expect(retired('sles', '11.4')).toBe('2026-08-28');
      expect(retired('sles', '12')).toBeUndefined();
      expect(retired('sles', '11.x')).toBe(UNDETERMINED);
    });
  });

  describe('ubuntu', () => {
    test('reads YY.MM, a point release as its base', () => {
      expect(readAs('ubuntu', '14.04.6')).toBe('14.04');
      expect(readAs('ubuntu', '22.04 LTS')).toBe('22.04');
      expect(readAs('ubuntu', '14')).toBeUndefined();
    });

    test('lists 12.04 to 24.04, interim releases included', () => {
      const yes = ['12.04', '12.10', '14.04.6', '17.10', '23.10', '24.04'];
      const no = ['10.04', '11.10', '24.10', '25.04'];
      expect(yes.map((v) => listed('ubuntu', v))).toEqual(yes.map(() => LISTED));
      expect(no.map((v) => listed('ubuntu', v))).toEqual(no.map(() => NOT_LISTED));
    });

    test('retires 12.04 on 2026-08-20 and 14.04 (any point release) on 2026-12-20', () => {
      expect(retired('ubuntu', '12.04.5')).toBe('2026-08-20');
      expect(retired('ubuntu', '14.04.6')).toBe('2026-12-20');
      expect(retired('ubuntu', '12.10')).toBeUndefined();
      expect(retired('ubuntu', '16.04')).toBeUndefined();
    });
  });

  describe('debian', () => {
    test('lists majors 10 and 11, 10.13 read as 10', () => {
      expect(readAs('debian', '10.13')).toBe('10');
      expect(['10', '10.13', '11.9'].map((v) => listed('debian', v))).toEqual([LISTED, LISTED, LISTED]);
      expect(['9', '12'].map((v) => listed('debian', v))).toEqual([NOT_LISTED, NOT_LISTED]);
      expect(readAs('debian', 'bullseye')).toBeUndefined();
    });

    test('retires 10 on 2026-12-30', () => {
      expect(retired('debian', '10.13')).toBe('2026-12-30');
      expect(retired('debian', '11')).toBeUndefined();
    });
  });

  describe('kernel', () => {
    test('reads the leading A.B[.C][-R], missing parts 0', () => {
      expect(readKernel('3.10.0-514.el7.x86_64')).toEqual([3, 10, 0, 514]);
      expect(readKernel('2.6.18-164.el5')).toEqual([2, 6, 18, 164]);
      expect(readKernel('5.4')).toEqual([5, 4, 0, 0]);
      expect(readKernel('4.9.256')).toEqual([4, 9, 256, 0]);
      expect(readKernel('4.9.256-generic')).toEqual([4, 9, 256, 0]);
      expect(readKernel(' 5.10.0-28-amd64 ')).toEqual([5, 10, 0, 28]);
    });

    test('reads nothing without a leading A.B', () => {
      expect(readKernel('linux-5.4')).toBeUndefined();
      expect(readKernel('5')).toBeUndefined();
      expect(readKernel('')).toBeUndefined();
    });
  });
});

describe('readOs', () => {
  test('gives the row and the version read, the row alone without a readable version, nothing outside the matrix', () => {
    expect(readOs({ name: 'centos', version: '7.9.2009' })).toEqual({ entry: matrixEntry({ name: 'centos' }), version: { key: [7, 9], anyMinor: false } });
    expect(readOs({ name: 'debian', version: 'bullseye' })).toEqual({ entry: matrixEntry({ name: 'debian' }) });
    expect(readOs({ name: 'ubuntu' })).toEqual({ entry: matrixEntry({ name: 'ubuntu' }) });
    expect(readOs({ name: 'fedora', version: '39' })).toBeUndefined();
  });
});
