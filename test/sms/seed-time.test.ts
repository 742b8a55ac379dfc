import { SeedTime } from '../../lib/sms/seed-time';

describe('SeedTime', () => {
  test('at() keeps the date in ISO 8601 UTC', () => {
    // WHEN
    const seed = SeedTime.at(new Date(Date.UTC(2026, 11, 1, 2, 0, 0)));

    // THEN
    expect(seed.isoDateTime).toBe('2026-12-01T02:00:00.000Z');
  });

  test('at() copies the date, so that a later change to it does not move the seed', () => {
    // GIVEN
    const date = new Date(Date.UTC(2026, 11, 1, 2, 0, 0));

    // WHEN
    const seed = SeedTime.at(date);
    date.setUTCFullYear(2030);

    // THEN
    expect(seed.isoDateTime).toBe('2026-12-01T02:00:00.000Z');
  });

  test('at() keeps an invalid date for the job to report', () => {
    // WHEN
    const seed = SeedTime.at(new Date('not a date'));

    // THEN
    expect(seed.isoDateTime).toBe('Invalid Date');
  });

  test('atIso() keeps the text as given', () => {
    // WHEN
    const seed = SeedTime.atIso('2026-12-01T03:00:00+01:00');

    // THEN
    expect(seed.isoDateTime).toBe('2026-12-01T03:00:00+01:00');
  });

  test('whenCreated() has no time, the same at every synth', () => {
    // WHEN
    const seed = SeedTime.whenCreated();

    // THEN
    expect(seed.isoDateTime).toBeUndefined();
  });
});
