import { RuleResult, VmContext } from '../../assessment/rule';
import { SUSE_BYOS, requireProgrammeAttestation } from '../sms/facts/license';

/**
 * A SLES VM records that its subscription comes through the SUSE Public Cloud Program: MGN carries SLES
 * as it is (BYOS) and cannot check the subscription, so the plan attests it with `suse-byos`. A warning.
 *
 * n/a for other distributions, Windows and family `other`; unknown when the family, or a Linux VM's
 * distribution, is not recorded.
 */
export function suseByos(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, SUSE_BYOS);
}
