import { Hypervisor } from '../../plan/model/plan';
import { ConnectorContext, notApplicable, RuleResult, unknown } from '../../assessment/rule';
import { judgeVsphereVersions, VSPHERE_SUPPORTED } from './facts/vsphere-versions';

/**
 * Every ESXi host behind a VMware connector runs 5.1 or higher; a host above 6.5 is a warning.
 *
 * One result for all hosts: an unsupported host makes it an error, and the message names every
 * offending version (unsupported, not validated and unreadable alike). A host whose version cannot be
 * judged makes it unknown unless another host already fails at error.
 */
export function esxiVersions({ connector }: ConnectorContext): RuleResult {
  if (connector.hypervisor !== Hypervisor.VMWARE) {
    return notApplicable();
  }
  const versions = (connector.esxiVersions ?? []).filter((v) => v != null && String(v).trim() !== '');
  if (versions.length === 0) {
    return unknown(`the ESXi versions of the hosts are not recorded (esxiVersions; ${VSPHERE_SUPPORTED})`);
  }
  return judgeVsphereVersions('ESXi', 'esxiVersions', versions);
}
