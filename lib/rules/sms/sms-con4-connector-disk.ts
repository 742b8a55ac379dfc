import { formatGiB } from '../../plan/model/disks';
import { DiskProvisioning, Hypervisor } from '../../plan/model/plan';
import { ConnectorContext, fail, notApplicable, pass, RuleResult, unknown } from '../../assessment/rule';

/** VMware: the least disk for a thin-provisioned connector. */
const VMWARE_THIN_GIB = 20;
/** VMware: the least disk for a thick-provisioned connector. */
const VMWARE_THICK_GIB = 250;
/** Hyper-V: the least disk, however it is provisioned. */
const HYPERV_GIB = 300;

const VMWARE_NEEDS = `VMware needs ${formatGiB(VMWARE_THIN_GIB)} thin-provisioned or ${formatGiB(VMWARE_THICK_GIB)} thick-provisioned`;

/**
 * The connector VM has enough disk: on VMware 20 GiB when thin-provisioned or 250 GiB when thick;
 * on Hyper-V 300 GiB.
 *
 * On VMware without `diskProvisioning`, 250 GiB or more passes and less than 20 GiB fails either way;
 * only a size in between depends on the provisioning, and is unknown.
 */
export function connectorDisk({ connector }: ConnectorContext): RuleResult {
  const size = connector.diskGiB;
  if (connector.hypervisor === Hypervisor.HYPERV) {
    if (size == null) {
      return unknown(`the connector's disk size is not recorded (diskGiB): Hyper-V needs at least ${formatGiB(HYPERV_GIB)}`);
    }
    return size < HYPERV_GIB
      ? fail(`connector disk ${formatGiB(size)} is below the ${formatGiB(HYPERV_GIB)} Hyper-V needs`)
      : pass();
  }
  if (connector.hypervisor !== Hypervisor.VMWARE) {
    return notApplicable();
  }
  if (size == null) {
    return unknown(`the connector's disk size is not recorded (diskGiB): ${VMWARE_NEEDS}`);
  }
  const provisioning = connector.diskProvisioning;
  if (provisioning === DiskProvisioning.THIN) {
    return size < VMWARE_THIN_GIB
      ? fail(`connector disk ${formatGiB(size)} thin-provisioned is below ${formatGiB(VMWARE_THIN_GIB)} (${VMWARE_NEEDS})`)
      : pass();
  }
  if (provisioning === DiskProvisioning.THICK) {
    return size < VMWARE_THICK_GIB
      ? fail(`connector disk ${formatGiB(size)} thick-provisioned is below ${formatGiB(VMWARE_THICK_GIB)} (${VMWARE_NEEDS})`)
      : pass();
  }
  if (size >= VMWARE_THICK_GIB) {
    return pass();
  }
  if (size < VMWARE_THIN_GIB) {
    return fail(`connector disk ${formatGiB(size)} is below ${formatGiB(VMWARE_THIN_GIB)}, too small however it is provisioned (${VMWARE_NEEDS})`);
  }
  return unknown(`connector disk ${formatGiB(size)} is enough only if thin-provisioned, which is not recorded (diskProvisioning): ${VMWARE_NEEDS}`);
}
