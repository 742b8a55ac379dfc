import { RuleResult, VmContext } from '../../assessment/rule';
import { REDHAT_CLOUD_ACCESS, requireProgrammeAttestation } from './facts/license';

/**
 * A RHEL VM's job records that its subscription moves through Red Hat Cloud Access.
 *
 * Migrated RHEL instances must run on Cloud Access (BYOL) subscriptions, which SMS cannot check:
 * the plan attests it with `redhat-cloud-access`.
 */
export function redhatCloudAccess(ctx: VmContext): RuleResult {
  return requireProgrammeAttestation(ctx, REDHAT_CLOUD_ACCESS);
}
