import { describeOs } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';

/**
 * True for English: the tag `en`, or `en-` / `en_` followed by a region (`en-US`, `en-GB`, `en_AU`), or
 * the name `English` (`English (United Kingdom)`), any case.
 */
function isEnglish(language: string): boolean {
  return /^en([-_][a-z0-9]+)*$/i.test(language) || /^english\b/i.test(language);
}

/**
 * A Windows VM's language is English (`en` or `en-*`): language packs that use UTF-16 or non-ASCII
 * characters cannot be imported.
 *
 * An error, but not a hard one: a finding can be acknowledged, since the requirement is the page's
 * advice to use the English pack. Applies to every Windows VM, server or client, whatever its name or
 * release. Unknown when `os.language` is missing; n/a for Linux and family `other`.
 */
export function windowsLanguage({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familyGate(vm, OsFamily.WINDOWS, 'Windows must use an English language pack (en, en-*)');
  if (gate) {
    return gate;
  }
  const raw = os?.language;
  const language = raw == null ? '' : String(raw).trim();
  if (language === '') {
    return unknown(`the language of ${describeOs(os)} is not recorded (os.language): English (en, en-*) passes`);
  }
  if (isEnglish(language)) {
    return pass();
  }
  return fail(`${describeOs(os)} language ${language} is not English: language packs with UTF-16 or non-ASCII characters `
    + 'cannot be imported (supported: en, en-*)');
}
