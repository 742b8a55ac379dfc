import { OsName } from '../../plan/model/os';
import { Attestation } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';
import { ProgrammeRequirement, requireProgrammeAttestation } from './facts/license';

// One object for every VM: requireProgrammeAttestation words a requirement once per object.
const REQUIREMENT: ProgrammeRequirement = {
  distribution: OsName.SLES,
  label: 'SLES',
  programme: 'SUSE Public Cloud Program (BYOS)',
  attestation: Attestation.SUSE_BYOS,
};

/**
 * A SLES VM's job records that its subscription moves through the SUSE Public Cloud Program.
 *
 * Migrated SLES instances must run on Bring Your Own Subscription (BYOS) terms, which SMS cannot
 * check: the plan attests it with `suse-byos`.
 */
export function suseByos(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, REQUIREMENT);
}
