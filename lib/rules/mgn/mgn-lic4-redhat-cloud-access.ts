import { RuleResult, VmContext } from '../../assessment/rule';
import { REDHAT_CLOUD_ACCESS, requireProgrammeAttestation } from '../sms/facts/license';

/**
 * A RHEL VM records that its subscription moves through Red Hat Cloud Access: MGN carries RHEL as it
 * is (BYOL) and cannot check the enrolment, so the plan attests it with `redhat-cloud-access`. A warning.
 *
 * n/a for other distributions, Windows and family `other`; unknown when the family, or a Linux VM's
 * distribution, is not recorded.
 */
export function redhatCloudAccess(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, REDHAT_CLOUD_ACCESS);
}
