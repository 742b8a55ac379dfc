import { OsName } from '../../plan/model/os';
import { Attestation } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';
import { ProgrammeRequirement, requireProgrammeAttestation } from '../sms/facts/license';

// One object for every VM: requireProgrammeAttestation words a requirement once per object.
const REQUIREMENT: ProgrammeRequirement = {
  distribution: OsName.SLES,
  label: 'SLES',
  programme: 'SUSE Public Cloud Program (BYOS)',
  attestation: Attestation.SUSE_BYOS,
};

/**
 * A SLES VM records that its subscription comes through the SUSE Public Cloud Program: MGN carries SLES
 * as it is (BYOS) and cannot check the subscription, so the plan attests it with `suse-byos`. A warning.
 *
 * n/a for other distributions, Windows and family `other`; unknown when the family, or a Linux VM's
 * distribution, is not recorded.
 */
export function suseByos(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, REQUIREMENT);
}
