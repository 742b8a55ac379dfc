import { Hypervisor } from '../../plan/model/plan';
import { ConnectorContext, notApplicable, RuleResult, unknown } from '../../assessment/rule';
import { judgeVsphereVersions, VSPHERE_SUPPORTED } from './facts/vsphere-versions';

/**
 * A VMware connector's vCenter is 5.1 or higher; above 6.5 (the last release AWS validated) it is a
 * warning.
 *
 * Updates of a release count as the release (6.5 U2 is 6.5). A bare `6` is unknown: 6.0 and 6.5
 * pass but 6.7 warns.
 */
export function vcenterVersion({ connector }: ConnectorContext): RuleResult {
  if (connector.hypervisor !== Hypervisor.VMWARE) {
    return notApplicable();
  }
  const version = connector.vcenterVersion;
  if (version == null || String(version).trim() === '') {
    return unknown(`the vCenter version is not recorded (vcenterVersion; ${VSPHERE_SUPPORTED})`);
  }
  return judgeVsphereVersions('vCenter', 'vcenterVersion', [version]);
}
