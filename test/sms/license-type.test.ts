import { LicenseType } from '../../lib/sms/license-type';

describe('LicenseType', () => {
  test('names the three choices', () => {
    // WHEN
    const names = [LicenseType.AUTO, LicenseType.AWS, LicenseType.BYOL].map((choice) => choice.name);

    // THEN
    expect(names).toEqual(['AUTO', 'AWS', 'BYOL']);
    expect(String(LicenseType.BYOL)).toBe('LicenseType.BYOL');
  });

  test('is one instance per choice, so that choices compare with ===', () => {
    // GIVEN
    const chosen = LicenseType.AUTO;

    // THEN
    expect(chosen).toBe(LicenseType.AUTO);
    expect(LicenseType.AWS).not.toBe(LicenseType.BYOL);
  });
});
