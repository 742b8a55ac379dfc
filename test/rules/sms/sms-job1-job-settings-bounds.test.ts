import { jobSettingsBounds } from '../../../lib/rules/sms/sms-job1-job-settings-bounds';
import { Outcome, Severity } from '../../../lib/assessment/rule';
import { TEST_NOW, vmContext } from '../../helpers/context';

/** TEST_NOW (2026-11-25T00:00:00Z) moved by a number of milliseconds, as an ISO string. */
function at(offsetMs: number): string {
  return new Date(TEST_NOW.getTime() + offsetMs).toISOString();
}

const DAY = 24 * 60 * 60 * 1000;

describe('SMS-JOB1 job settings bounds', () => {
  test('passes the library defaults and never reports unknown without settings', () => {
    // GIVEN a VM with no replication settings and no plan defaults
    const result = jobSettingsBounds(vmContext({}));
    // THEN the defaults (interval every 12 hours, start at once, keep every AMI) pass
    expect(result.outcome).toBe(Outcome.PASS);
  });

  test('passes settings at every bound', () => {
    const ctx = vmContext({ replication: { type: 'interval', frequencyHours: 24, amisToKeep: 270, seedTime: at(30 * DAY) } });
    expect(jobSettingsBounds(ctx).outcome).toBe(Outcome.PASS);
    const low = vmContext({ replication: { frequencyHours: 1, amisToKeep: 0, seedTime: at(0) } });
    expect(jobSettingsBounds(low).outcome).toBe(Outcome.PASS);
  });

  describe('frequencyHours', () => {
    test.each([0, 25, 1.5, -3, 12.0001])('fails %p', (frequencyHours) => {
      const result = jobSettingsBounds(vmContext({ replication: { frequencyHours } }));
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBeUndefined();
      expect(result.message).toBe(`replication.frequencyHours ${frequencyHours} is not a whole number of hours from 1 to 24`);
    });

    test('fails a frequency taken from the plan defaults', () => {
      const result = jobSettingsBounds(vmContext({}, { defaults: { replication: { frequencyHours: 48 } } }));
      expect(result.message).toMatch(/frequencyHours 48/);
    });

    test('ignores the frequency of a one-time job', () => {
      const ctx = vmContext({ replication: { type: 'one-time', frequencyHours: 25 } });
      expect(jobSettingsBounds(ctx).outcome).toBe(Outcome.PASS);
    });

    test('ignores an out-of-bounds default frequency when the VM is one-time', () => {
      const ctx = vmContext({ replication: { type: 'one-time' } }, { defaults: { replication: { frequencyHours: 0 } } });
      expect(jobSettingsBounds(ctx).outcome).toBe(Outcome.PASS);
    });
  });

  describe('amisToKeep', () => {
    test('passes 270 and fails 271', () => {
      expect(jobSettingsBounds(vmContext({ replication: { amisToKeep: 270 } })).outcome).toBe(Outcome.PASS);
      const result = jobSettingsBounds(vmContext({ replication: { amisToKeep: 271 } }));
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe('replication.amisToKeep 271 is not a whole number from 0 to 270 (0 keeps every AMI)');
    });

    test.each([-1, 2.5])('fails %p', (amisToKeep) => {
      expect(jobSettingsBounds(vmContext({ replication: { amisToKeep } })).outcome).toBe(Outcome.FAIL);
    });
  });

  describe('seedTime', () => {
    test('passes exactly 30 days ahead and fails one second later', () => {
      expect(jobSettingsBounds(vmContext({ replication: { seedTime: at(30 * DAY) } })).outcome).toBe(Outcome.PASS);
      const result = jobSettingsBounds(vmContext({ replication: { seedTime: at(30 * DAY + 1000) } }));
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBeUndefined();
      expect(result.message).toMatch(/^replication\.seedTime 2026-12-25T00:00:01\.000Z is 30\.01 days after 2026-11-25T00:00:00\.000Z /);
      expect(result.message).toMatch(/\(at most 30 days ahead, up to 2026-12-25T00:00:00\.000Z\)$/);
    });

    test('fails a seed time far ahead, naming how far', () => {
      const result = jobSettingsBounds(vmContext({ replication: { seedTime: '2027-01-09T12:00:00Z' } }));
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toMatch(/is 45\.5 days after/);
    });

    test('reads the zone offset', () => {
      // 2026-12-25T01:00:00+01:00 is exactly 30 days after TEST_NOW; +00:30 is half an hour later
      expect(jobSettingsBounds(vmContext({ replication: { seedTime: '2026-12-25T01:00:00+01:00' } })).outcome).toBe(Outcome.PASS);
      expect(jobSettingsBounds(vmContext({ replication: { seedTime: '2026-12-25T00:00:00-00:30' } })).outcome).toBe(Outcome.FAIL);
    });

    test('warns about a seed time in the past', () => {
      // GIVEN a seed time one day before the assessment
      const result = jobSettingsBounds(vmContext({ replication: { seedTime: at(-DAY) } }));
      // THEN a warning: SMS starts the seed replication at once
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBe(Severity.WARNING);
      expect(result.message).toBe('replication.seedTime 2026-11-24T00:00:00.000Z is 1 day before 2026-11-25T00:00:00.000Z: '
        + 'the seed replication starts when the job is created');
    });

    test('passes a seed time exactly now', () => {
      expect(jobSettingsBounds(vmContext({ replication: { seedTime: '2026-11-25T00:00:00Z' } })).outcome).toBe(Outcome.PASS);
    });

    test.each([
      'tomorrow',
      '2026-12-01',
      '2026-02-30T00:00:00Z',
      '2026-12-01T24:00:00Z',
      '2026-12-01T02:00:00+25:00',
      '01/12/2026 02:00',
      '',
    ])('fails %p, which is not an ISO 8601 date-time', (seedTime) => {
      const result = jobSettingsBounds(vmContext({ replication: { seedTime } }));
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.severity).toBeUndefined();
      expect(result.message).toBe(`replication.seedTime '${seedTime}' is not a valid ISO 8601 date-time (such as 2026-12-01T02:00:00Z)`);
    });
  });

  test('lists every offending setting, at error severity when one is an error', () => {
    // GIVEN a bad frequency, a bad AMI count and a past seed time
    const ctx = vmContext({ replication: { frequencyHours: 30, amisToKeep: 300, seedTime: '2026-11-01T00:00:00Z' } });
    // WHEN
    const result = jobSettingsBounds(ctx);
    // THEN one error finding names all three
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/frequencyHours 30.*; replication\.amisToKeep 300.*; /);
    expect(result.message).toMatch(/; replication\.seedTime 2026-11-01T00:00:00Z is 24 days before/);
  });

  test('judges the seed time against the assessment time of the context', () => {
    const ctx = vmContext({ replication: { seedTime: '2026-12-01T02:00:00Z' } }, { now: new Date('2026-12-02T00:00:00Z') });
    expect(jobSettingsBounds(ctx).severity).toBe(Severity.WARNING);
  });
});
