import * as fs from 'fs';
import * as path from 'path';
import { SmsLimits } from '../../lib/private/sms-limits';

describe('SmsLimits', () => {
  test('is a leaf: it imports nothing, so the handler bundle can take it', () => {
    // GIVEN
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'private', 'sms-limits.ts'), 'utf8');

    // WHEN
    const imports = source.match(/^\s*(import|export\s+\*|export\s+\{[^}]*\}\s+from)\b|\brequire\(|\bimport\(/gm);

    // THEN
    expect(imports).toBeNull();
  });

  test('cannot be changed at run time by a user of the library', () => {
    // WHEN
    const change = () => { (SmsLimits as { MAX_FREQUENCY_HOURS: number }).MAX_FREQUENCY_HOURS = 48; };

    // THEN
    expect(change).toThrow(TypeError);
    expect(SmsLimits.MAX_FREQUENCY_HOURS).toBe(24);
  });

  test('the defaults lie within the bounds they default', () => {
    // THEN
    expect(SmsLimits.DEFAULT_FREQUENCY_HOURS).toBeGreaterThanOrEqual(SmsLimits.MIN_FREQUENCY_HOURS);
    expect(SmsLimits.DEFAULT_FREQUENCY_HOURS).toBeLessThanOrEqual(SmsLimits.MAX_FREQUENCY_HOURS);
    expect(SmsLimits.KEEP_EVERY_AMI).toBeGreaterThanOrEqual(SmsLimits.MIN_AMIS_TO_KEEP);
    expect(SmsLimits.KEEP_EVERY_AMI).toBeLessThanOrEqual(SmsLimits.MAX_AMIS_TO_KEEP);
    for (const value of Object.values(SmsLimits)) {
      expect(Number.isInteger(value) && value >= 0).toBe(true);
    }
  });
});
