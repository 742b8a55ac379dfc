import { OsName } from '../../plan/model/os';
import { Attestation } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';
import { ProgrammeRequirement, requireProgrammeAttestation } from './facts/license';

// One object for every VM: requireProgrammeAttestation words a requirement once per object.
const REQUIREMENT: ProgrammeRequirement = {
  distribution: OsName.RHEL,
  label: 'RHEL',
  programme: 'Red Hat Cloud Access (BYOL)',
  attestation: Attestation.REDHAT_CLOUD_ACCESS,
};

/**
 * A RHEL VM's job records that its subscription moves through Red Hat Cloud Access.
 *
 * Migrated RHEL instances must run on Cloud Access (BYOL) subscriptions, which SMS cannot check:
 * the plan attests it with `redhat-cloud-access`.
 */
export function redhatCloudAccess(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, REQUIREMENT);
}
