import { esxiVersions } from '../../../lib/rules/sms/sms-con2-esxi-versions';
import { Outcome, Severity } from '../../../lib/assessment/rule';
import { connectorContext } from '../../helpers/context';

describe('SMS-CON2 ESXi versions', () => {
  const judge = (versions?: string[]) => esxiVersions(connectorContext({ hypervisor: 'vmware', esxiVersions: versions }));

  test('passes when every host is between 5.1 and 6.5', () => {
    // GIVEN hosts at both limits and in between
    // WHEN / THEN
    expect(judge(['5.1', '5.5', '6.0', '6.5', '6.5 U3'])).toEqual({ outcome: Outcome.PASS });
  });

  test('fails at error when a host is below 5.1, naming it', () => {
    const result = judge(['6.0', '5.0']);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('ESXi 5.0 is not supported (supported: 5.1 or higher, validated up to 6.5)');
  });

  test('warns when a host is above 6.5 and none is below 5.1', () => {
    const result = judge(['6.5', '6.7']);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('ESXi 6.7 is above 6.5 and not validated with SMS (supported: 5.1 or higher, validated up to 6.5)');
  });

  test('lists every offending host version at the highest severity, each version once', () => {
    // GIVEN two unsupported hosts, two hosts above 6.5 and a good one, with a repeated version
    const result = judge(['5.0', '6.7', '6.5', '4.1', '7.0', '5.0']);
    // THEN one error finding names all of them
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('ESXi 5.0 and 4.1 are not supported; ESXi 6.7 and 7.0 are above 6.5 and not validated with SMS '
      + '(supported: 5.1 or higher, validated up to 6.5)');
  });

  test('is unknown when the versions are missing or empty, naming esxiVersions', () => {
    for (const versions of [undefined, [], ['']]) {
      const result = judge(versions);
      expect(result.outcome).toBe(Outcome.UNKNOWN);
      expect(result.message).toMatch(/\(esxiVersions; supported: 5\.1 or higher, validated up to 6\.5\)/);
    }
  });

  test('is unknown when a host version cannot be judged and no host fails at error', () => {
    // GIVEN one unreadable host, one bare major version and one host above 6.5
    const result = judge(['tbd', '6', '6.7']);
    // THEN the unknown outranks the warning, and the message still names the warning host
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/ESXi 6\.7 is above 6\.5/);
    expect(result.message).toMatch(/esxiVersions "tbd" holds no version number/);
    expect(result.message).toMatch(/ESXi 6 does not say which minor release/);
  });

  test('fails at error when one host is unsupported even if another cannot be judged', () => {
    const result = judge(['tbd', '4.0']);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/ESXi 4\.0 is not supported/);
    expect(result.message).toMatch(/"tbd"/);
  });

  test('compares numerically: 5.10 passes, 6.10 warns', () => {
    expect(judge(['5.10']).outcome).toBe(Outcome.PASS);
    expect(judge(['6.10']).severity).toBe(Severity.WARNING);
  });

  test('is n/a on Hyper-V', () => {
    expect(esxiVersions(connectorContext({ hypervisor: 'hyperv', esxiVersions: ['4.0'] })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
