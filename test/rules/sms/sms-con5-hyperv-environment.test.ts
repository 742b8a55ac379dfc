import { hypervEnvironment } from '../../../lib/rules/sms/sms-con5-hyperv-environment';
import { Outcome, Severity } from '../../../lib/assessment/rule';
import { connectorContext } from '../../helpers/context';

describe('SMS-CON5 Hyper-V environment', () => {
  const good = { hypervisor: 'hyperv', hypervHostOs: 'windows-server-2016', activeDirectoryVersion: '2012' };
  const judge = (facts: object) => hypervEnvironment(connectorContext({ ...good, ...facts }));

  describe('Hyper-V host OS', () => {
    test.each(['windows-server-2012-r2', 'windows-server-2016', 'Windows Server 2012 R2', 'windows-server-2016-datacenter'])(
      'passes %s', (hypervHostOs) => {
        // GIVEN a supported host OS, AD 2012 and no SCVMM
        // WHEN / THEN
        expect(judge({ hypervHostOs })).toEqual({ outcome: Outcome.PASS });
      });

    test('fails Windows Server 2019, naming it and the supported hosts', () => {
      const result = judge({ hypervHostOs: 'windows-server-2019' });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBeUndefined();
      expect(result.message).toBe('Hyper-V host windows-server-2019 is not supported (supported: windows-server-2012-r2, windows-server-2016)');
    });

    test.each(['windows-server-2012', 'windows-server-2008-r2', 'hyper-v-server-2016'])('fails %s', (hypervHostOs) => {
      expect(judge({ hypervHostOs }).outcome).toBe(Outcome.FAIL);
    });

    test('is unknown when not recorded, naming hypervHostOs', () => {
      const result = judge({ hypervHostOs: undefined });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/not recorded \(hypervHostOs; supported: windows-server-2012-r2, windows-server-2016\)/);
    });
  });

  describe('Active Directory', () => {
    test.each(['2012', '2012 R2', '2016', 'Windows Server 2019'])('passes %s', (activeDirectoryVersion) => {
      expect(judge({ activeDirectoryVersion }).outcome).toBe(Outcome.PASS);
    });

    test.each(['2008 R2', '2003'])('fails %s, naming it and the minimum', (activeDirectoryVersion) => {
      const result = judge({ activeDirectoryVersion });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`Active Directory ${activeDirectoryVersion} is not supported (supported: 2012 or above)`);
    });

    test('is unknown when not recorded, naming activeDirectoryVersion', () => {
      const result = judge({ activeDirectoryVersion: undefined });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/not recorded \(activeDirectoryVersion; supported: 2012 or above\)/);
    });

    test('is unknown when the version names no release year', () => {
      const result = judge({ activeDirectoryVersion: '6.2' });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/activeDirectoryVersion "6\.2" names no release year/);
    });
  });

  describe('SCVMM', () => {
    test('absent means SCVMM is not used: that part does not apply', () => {
      expect(judge({}).outcome).toBe(Outcome.PASS);
    });

    test.each(['2012 SP1', '2012 R2', '2016', 'SCVMM 2012 Service Pack 1', '2012R2', '2016 UR9'])('passes %s', (scvmmVersion) => {
      expect(judge({ scvmmVersion })).toEqual({ outcome: Outcome.PASS });
    });

    test('fails 2012 without a service pack, naming what is supported', () => {
      const result = judge({ scvmmVersion: '2012' });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBeUndefined();
      expect(result.message).toBe('SCVMM 2012 is not supported (supported: 2012 SP1, 2012 R2, 2016; 2012 needs SP1)');
    });

    test('fails releases before 2012', () => {
      expect(judge({ scvmmVersion: '2008 R2' }).outcome).toBe(Outcome.FAIL);
    });

    test.each(['2019', '2022', '1807'])('warns above 2016 (%s is not validated)', (scvmmVersion) => {
      const result = judge({ scvmmVersion });
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBe(Severity.WARNING);
      expect(result.message).toBe(`SCVMM ${scvmmVersion} is above 2016 and not validated with SMS (supported: 2012 SP1, 2012 R2, 2016)`);
    });

    test('is unknown when the version names no release year', () => {
      const result = judge({ scvmmVersion: 'latest' });
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/scvmmVersion "latest" names no release year/);
    });
  });

  test('one result names every offending part, at error', () => {
    // GIVEN a bad host, an old AD and SCVMM 2012 without SP
    const result = judge({ hypervHostOs: 'windows-server-2019', activeDirectoryVersion: '2008 R2', scvmmVersion: '2012' });
    // THEN one error finding lists all three
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('Hyper-V host windows-server-2019 is not supported (supported: windows-server-2012-r2, windows-server-2016); '
      + 'Active Directory 2008 R2 is not supported (supported: 2012 or above); '
      + 'SCVMM 2012 is not supported (supported: 2012 SP1, 2012 R2, 2016; 2012 needs SP1)');
  });

  test('an error outranks a missing fact and a warning, and the message names all of them', () => {
    const result = judge({ hypervHostOs: undefined, activeDirectoryVersion: '2008', scvmmVersion: '2019' });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/hypervHostOs/);
    expect(result.message).toMatch(/Active Directory 2008 is not supported/);
    expect(result.message).toMatch(/SCVMM 2019 is above 2016/);
  });

  test('a missing fact outranks an SCVMM warning', () => {
    const result = judge({ activeDirectoryVersion: undefined, scvmmVersion: '2019' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/activeDirectoryVersion/);
    expect(result.message).toMatch(/SCVMM 2019 is above 2016/);
  });

  test('is n/a on VMware', () => {
    expect(hypervEnvironment(connectorContext({ hypervisor: 'vmware', hypervHostOs: 'windows-server-2019' })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});
