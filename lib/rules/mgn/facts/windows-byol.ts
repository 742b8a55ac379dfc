import { LicenseChoice, OsFamily } from '../../../plan/model/plan';
import { familyGate } from '../../../assessment/family-gate';
import { notApplicable, RuleResult } from '../../../assessment/rule';
import type { MgnVmContext } from '../context';
import { MgnLicensing } from './licensing';

/**
 * The opening check of the rules about Windows licensed BYOL (MGN-LIC6, MGN-LIC7): the VM's licensing
 * when it is Windows resolving to BYOL, else the result to return (n/a for Linux, family `other` and
 * license included; unknown, ending with `requirement`, when the family cannot be told).
 */
export function windowsByol(ctx: MgnVmContext, requirement: string): MgnLicensing | RuleResult {
  const gate = familyGate(ctx.vm, OsFamily.WINDOWS, requirement);
  if (gate) {
    return gate;
  }
  const licensing = ctx.mgn.licensing;
  return licensing !== undefined && licensing.osByol ? licensing : notApplicable();
}

/** True when windowsByol() returned a result rather than the VM's licensing. */
export function isRuleResult(value: MgnLicensing | RuleResult): value is RuleResult {
  return 'outcome' in value;
}

/** How messages say why a Windows VM is BYOL: `replication.licenseType byol`, or `auto` and the table. */
export function byolReason(ctx: MgnVmContext): string {
  const choice = ctx.replication.licenseType;
  return choice === LicenseChoice.BYOL ? 'replication.licenseType byol' : `replication.licenseType ${choice} (resolved to BYOL)`;
}
