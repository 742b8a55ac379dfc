import { checkHotfix } from './facts/guest';
import { RuleResult, VmContext } from '../../assessment/rule';

/**
 * Hotfix KB2922223 (changing the system time with `RealTimeIsUniversal` set) is applied on the Windows
 * releases it exists for: 7, 8, 8.1, Server 2008, 2008 R2, 2012, 2012 R2.
 *
 * n/a on other Windows releases, on Linux and on family `other`; unknown when the release or
 * `guest.hotfixes` is missing. Hotfix ids compare case-insensitively, with or without `KB`.
 */
export function hotfixKb2922223({ vm }: VmContext): RuleResult {
  return checkHotfix(vm, {
    kb: 'KB2922223',
    fixes: 'system time with RealTimeIsUniversal',
    releases: ['7', '8', '8.1', '2008', '2008r2', '2012', '2012r2'],
  });
}
