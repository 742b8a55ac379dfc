import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { RightSizing } from '../../plan/model/plan';
import type { MgnVmContext } from './context';

/**
 * `launch.instanceType` is not set while `launch.rightSizing` is `basic`: with basic right-sizing MGN
 * picks the instance type itself and the one written is not used. A warning.
 *
 * Only a `rightSizing` written as `basic` can meet an instance type: after defaults it is `none`
 * whenever `instanceType` is set. Never unknown: both are settings.
 */
export function instanceTypeRightSizing(ctx: VmContext): RuleResult {
  const { mgn } = ctx as MgnVmContext;
  const type = mgn.launch.instanceType;
  if (type === undefined || String(type).trim() === '' || mgn.launch.rightSizing !== RightSizing.BASIC) {
    return pass();
  }
  return fail(`launch.instanceType ${String(type).trim()} is set while launch.rightSizing is basic: MGN launches the type `
    + 'its right-sizing picks, not this one (set rightSizing none to keep it, or drop instanceType)');
}
