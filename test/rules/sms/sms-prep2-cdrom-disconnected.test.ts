import { cdromDisconnected } from '../../../lib/rules/sms/sms-prep2-cdrom-disconnected';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-PREP2 cdrom disconnected', () => {
  test('passes when no CD-ROM drive is connected', () => {
    const ctx = vmContext({ os: { family: 'windows' }, guest: { cdromConnected: false } });
    expect(cdromDisconnected(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails when a CD-ROM drive is connected, naming the fact and what passes', () => {
    // GIVEN a VM with its CD-ROM drive connected
    const ctx = vmContext({ os: { family: 'linux' }, guest: { cdromConnected: true } });
    // WHEN
    const result = cdromDisconnected(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/guest\.cdromConnected: true/);
    expect(result.message).toMatch(/must be disconnected/);
  });

  test('is unknown when not recorded, naming the field', () => {
    const result = cdromDisconnected(vmContext({ os: { family: 'linux' }, guest: { antivirusEnabled: false } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(guest\.cdromConnected\)/);
  });

  test('applies to every VM: family other and an unknown family are judged too', () => {
    expect(cdromDisconnected(vmContext({ os: { family: 'other' }, guest: { cdromConnected: true } })).outcome).toBe(Outcome.FAIL);
    expect(cdromDisconnected(vmContext({ guest: { cdromConnected: false } })).outcome).toBe(Outcome.PASS);
    expect(cdromDisconnected(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.UNKNOWN);
  });
});
