import { checkHotfix, HotfixRequirement } from './facts/guest';
import { RuleResult, VmContext } from '../../assessment/rule';

// One object for every VM: checkHotfix words a requirement once per object.
const KB2922223: HotfixRequirement = {
  kb: 'KB2922223',
  fixes: 'system time with RealTimeIsUniversal',
  releases: ['7', '8', '8.1', '2008', '2008r2', '2012', '2012r2'],
};

/**
 * Hotfix KB2922223 (changing the system time with `RealTimeIsUniversal` set) is applied on the Windows
 * releases it exists for: 7, 8, 8.1, Server 2008, 2008 R2, 2012, 2012 R2.
 *
 * n/a on other Windows releases, on Linux and on family `other`; unknown when the release or
 * `guest.hotfixes` is missing. Hotfix ids compare case-insensitively, with or without `KB`.
 */
export function hotfixKb2922223({ vm }: VmContext): RuleResult {
  return checkHotfix(vm, KB2922223);
}
