import { windowsLanguage } from '../../../lib/rules/sms/sms-os10-windows-language';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS10 windows language', () => {
  const judge = (os: object) => windowsLanguage(vmContext({ os }));
  const server2012 = { family: 'windows', name: 'windows-server', version: '2012' };

  test.each(['en', 'en-US', 'en-GB', 'en_AU', 'EN', 'en-gb', 'English', 'English (United Kingdom)'])('passes the English language %s', (language) => {
    expect(judge({ ...server2012, language }).outcome).toBe(Outcome.PASS);
  });

  test.each(['de-DE', 'ja-JP', 'zh-CN', 'fr', 'ru-RU', 'eng', 'es-US'])('fails %s, naming it and what passes', (language) => {
    // GIVEN a Windows Server 2012 guest with a non-English language pack
    const result = judge({ ...server2012, language });
    // THEN it fails at the rule's severity (error, acknowledgeable), naming the language
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe(`Windows Server 2012 language ${language} is not English: language packs with UTF-16 `
      + 'or non-ASCII characters cannot be imported (supported: en, en-*)');
  });

  test('applies to client OSes too', () => {
    expect(judge({ family: 'windows', name: 'windows-client', version: '10', language: 'de-DE' }).outcome).toBe(Outcome.FAIL);
  });

  test('applies to a Windows VM whatever its name or release says', () => {
    expect(judge({ family: 'windows', language: 'ja-JP' }).outcome).toBe(Outcome.FAIL);
    expect(judge({ family: 'windows', language: 'en-US' }).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when os.language is missing', () => {
    const result = judge(server2012);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the language of Windows Server 2012 is not recorded (os.language): English (en, en-*) passes');
  });

  test('is n/a for Linux and family other', () => {
    expect(judge({ family: 'linux', name: 'debian', language: 'de-DE' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ family: 'other', language: 'de-DE' }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown naming os.family when the family cannot be told', () => {
    const result = judge({ name: 'os/2', language: 'de-DE' });
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
