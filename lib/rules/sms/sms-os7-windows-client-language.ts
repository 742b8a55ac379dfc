import { describeOs, osName, OsName, windowsRelease } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isVagueName, unknownWindowsName, WINDOWS_CLIENT_RELEASES } from './facts/os';

/** True for US English: `en-US`, `en_US` or `English (United States)`, any case. */
function isUsEnglish(language: string): boolean {
  return /^en[-_]us$/i.test(language) || /^english\s*\(united states\)$/i.test(language);
}

/** True for English that does not say which: `en`, `English`. */
function isBareEnglish(language: string): boolean {
  return /^(en|english)$/i.test(language);
}

/**
 * A Windows client OS (7, 8, 8.1, 10) is US English (`en-US`, also accepted as `en_US`, any case).
 *
 * Unknown when `os.language` is missing, or is a bare `en` (`English`) that does not say which
 * English. A Windows VM whose name is missing or vague passes when it is en-US (whatever it is, the
 * requirement is met) and is otherwise unknown. n/a for Windows Server, Linux and family `other`, and
 * for a client release SMS-OS1 fails (XP, Vista, 11).
 */
export function windowsClientLanguage({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familyGate(vm, OsFamily.WINDOWS, 'Windows client OSes must be US English (en-US)');
  if (gate) {
    return gate;
  }
  const name = osName(os);
  const raw = os?.language;
  const language = raw == null ? '' : String(raw).trim();
  if (name === undefined || isVagueName(name)) {
    if (isUsEnglish(language)) {
      return pass();
    }
    return unknownWindowsName(os, 'Windows client OSes must be US English (en-US)');
  }
  if (name !== OsName.WINDOWS_CLIENT) {
    return notApplicable();
  }
  const release = windowsRelease(os);
  if (release !== undefined && !WINDOWS_CLIENT_RELEASES.includes(release)) {
    return notApplicable();
  }
  if (language === '') {
    return unknown(`the language of ${describeOs(os)} is not recorded (os.language): Windows client OSes must be US English (en-US)`);
  }
  if (isUsEnglish(language)) {
    return pass();
  }
  if (isBareEnglish(language)) {
    return unknown(`os.language ${language} of ${describeOs(os)} does not say which English: Windows client OSes must be US English (en-US)`);
  }
  return fail(`${describeOs(os)} language ${language} is not supported (supported: en-US, the only language SMS imports for Windows client OSes)`);
}
