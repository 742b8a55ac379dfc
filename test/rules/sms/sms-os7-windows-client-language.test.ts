import { windowsClientLanguage } from '../../../lib/rules/sms/sms-os7-windows-client-language';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS7 windows client language', () => {
  const client = (version: string | undefined, language?: string) => windowsClientLanguage(vmContext({
    os: { family: 'windows', name: 'windows-client', version, language },
  }));

  test.each(['7', '8', '8.1', '10'])('passes Windows %s in en-US', (version) => {
    expect(client(version, 'en-US').outcome).toBe(Outcome.PASS);
  });

  test.each(['en-us', 'EN-US', 'en_US', ' en-US ', 'English (United States)'])('accepts US English written as %s', (language) => {
    expect(client('10', language).outcome).toBe(Outcome.PASS);
  });

  test.each(['en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'en-USA'])('fails %s, naming it and what passes', (language) => {
    // GIVEN a Windows 10 guest in another language (even another English)
    const result = client('10', language);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`Windows 10 language ${language} is not supported `
      + '(supported: en-US, the only language SMS imports for Windows client OSes)');
  });

  test('is unknown when os.language is missing', () => {
    const result = client('8.1');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the language of Windows 8.1 is not recorded (os.language): Windows client OSes must be US English (en-US)');
  });

  test.each(['en', 'English'])('is unknown for %s, which does not say which English', (language) => {
    const result = client('7', language);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^os\.language .* does not say which English/);
  });

  test('applies to a client whose release is not recorded', () => {
    expect(client(undefined, 'de-DE').outcome).toBe(Outcome.FAIL);
    expect(client(undefined, 'en-US').outcome).toBe(Outcome.PASS);
  });

  test('is n/a for Windows Server, Linux, family other and a client release SMS-OS1 fails', () => {
    const server = vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016', language: 'de-DE' } });
    expect(windowsClientLanguage(server).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsClientLanguage(vmContext({ os: { family: 'linux', name: 'ubuntu', language: 'de-DE' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(windowsClientLanguage(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(client('XP', 'de-DE').outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('for a Windows VM whose name is missing: passes en-US, is unknown otherwise', () => {
    expect(windowsClientLanguage(vmContext({ os: { family: 'windows', language: 'en-US' } })).outcome).toBe(Outcome.PASS);
    const result = windowsClientLanguage(vmContext({ os: { family: 'windows', language: 'de-DE' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
  });

  test('treats a vague Windows name like a missing one', () => {
    expect(windowsClientLanguage(vmContext({ os: { family: 'windows', name: 'windows', language: 'en_US' } })).outcome).toBe(Outcome.PASS);
    expect(windowsClientLanguage(vmContext({ os: { family: 'windows', name: 'windows', language: 'fr-FR' } })).outcome).toBe(Outcome.UNKNOWN);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = windowsClientLanguage(vmContext({ os: { language: 'de-DE' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
