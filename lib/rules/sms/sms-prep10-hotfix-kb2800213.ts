import { checkHotfix, HotfixRequirement } from './facts/guest';
import { RuleResult, VmContext } from '../../assessment/rule';

// One object for every VM: checkHotfix words a requirement once per object.
const KB2800213: HotfixRequirement = {
  kb: 'KB2800213',
  fixes: 'high CPU usage at the DST changeover',
  releases: ['7', '2008', '2008r2'],
};

/**
 * Hotfix KB2800213 (high CPU usage at the daylight-saving changeover) is applied on the Windows releases
 * it exists for: Windows 7, Server 2008 and Server 2008 R2.
 *
 * n/a on other Windows releases, on Linux and on family `other`; unknown when the release or
 * `guest.hotfixes` is missing. Hotfix ids compare case-insensitively, with or without `KB`.
 */
export function hotfixKb2800213({ vm }: VmContext): RuleResult {
  return checkHotfix(vm, KB2800213);
}
