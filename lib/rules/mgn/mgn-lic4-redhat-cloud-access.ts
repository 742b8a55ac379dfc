import { OsName } from '../../plan/model/os';
import { Attestation } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';
import { ProgrammeRequirement, requireProgrammeAttestation } from '../sms/facts/license';

// One object for every VM: requireProgrammeAttestation words a requirement once per object.
const REQUIREMENT: ProgrammeRequirement = {
  distribution: OsName.RHEL,
  label: 'RHEL',
  programme: 'Red Hat Cloud Access (BYOL)',
  attestation: Attestation.REDHAT_CLOUD_ACCESS,
};

/**
 * A RHEL VM records that its subscription moves through Red Hat Cloud Access: MGN carries RHEL as it
 * is (BYOL) and cannot check the enrolment, so the plan attests it with `redhat-cloud-access`. A warning.
 *
 * n/a for other distributions, Windows and family `other`; unknown when the family, or a Linux VM's
 * distribution, is not recorded.
 */
export function redhatCloudAccess(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, REQUIREMENT);
}
