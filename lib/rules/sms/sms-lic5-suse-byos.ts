import { RuleResult, VmContext } from '../../assessment/rule';
import { SUSE_BYOS, requireProgrammeAttestation } from './facts/license';

/**
 * A SLES VM's job records that its subscription moves through the SUSE Public Cloud Program.
 *
 * Migrated SLES instances must run on Bring Your Own Subscription (BYOS) terms, which SMS cannot
 * check: the plan attests it with `suse-byos`.
 */
export function suseByos(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, SUSE_BYOS);
}
