import { Col, HeaderMap } from './headers';
import { RvTab } from './tabs';

/**
 * The columns each RVTools tab is read by: the few without which a tab cannot be read at all, and the
 * others, each with the facts it gives. A missing required column is an error that lists what the tab
 * needs and reads; a missing optional column only leaves its facts unknown, with one warning per tab
 * (trimmed or re-saved exports drop columns, and older RVTools releases never had some).
 */

/** A column the importer reads: its names (the first as RVTools 4.x writes it, then older spellings) and what it gives. */
export interface ColumnUse {
  readonly names: readonly string[];
  /** The facts the column gives, for warnings and the README. */
  readonly gives: string;
}

/** The columns of one tab. */
export interface TabColumns {
  readonly required: readonly ColumnUse[];
  readonly optional: readonly ColumnUse[];
}

const use = (gives: string, ...names: string[]): ColumnUse => ({ names, gives });
const VM_IDENTITY: readonly ColumnUse[] = [
  use('the row\'s VM among same-named VMs', Col.VM_ID),
  use('the row\'s vCenter', Col.SDK_SERVER),
  use('the row\'s vCenter', Col.SDK_UUID, Col.VCENTER_UUID),
];
const TEMPLATE = use('template rows skipped', Col.TEMPLATE);

/** The columns of every tab, in the order of the README's table. */
export const TAB_COLUMNS: Readonly<Record<RvTab, TabColumns>> = {
  [RvTab.VINFO]: {
    required: [use('the VM', Col.VM)],
    optional: [
      TEMPLATE,
      use('SRM placeholders skipped', Col.SRM_PLACEHOLDER),
      use('firmware', Col.FIRMWARE),
      use('guest.secureBoot', Col.EFI_SECURE_BOOT),
      use('OS, as the administrator chose it', Col.OS_CONFIG),
      use('OS, as the guest reports it', Col.OS_TOOLS),
      use('exact OS release and kernel', Col.GUEST_DETAILED_DATA),
      use('source.vmPath', Col.DATACENTER),
      use('source.vmPath', Col.FOLDER),
      use('source.vmId', Col.VM_ID),
      use('source.vmUuid', Col.SMBIOS_UUID, Col.VM_UUID),
      use('connector, source.vmManagerId', Col.SDK_UUID, Col.VCENTER_UUID),
      use('connector', Col.SDK_SERVER),
      use('vCenter version without vSource', Col.SDK_API_VERSION),
      use('ESXi hosts told from vCenters without vSource', Col.SDK_SERVER_TYPE),
    ],
  },
  [RvTab.VDISK]: {
    required: [use('the disk\'s VM', Col.VM)],
    optional: [
      ...VM_IDENTITY, TEMPLATE,
      use('disk name', Col.DISK),
      use('which disk holds each volume', Col.DISK_KEY),
      use('disk size', Col.CAPACITY_MIB),
      use('disk format: rdm or vmdk', Col.RAW),
      use('disk format: rdm', Col.RAW_LUN_ID),
      use('disk mode', Col.DISK_MODE),
      use('disk format: sesparse', Col.PATH),
    ],
  },
  [RvTab.VPARTITION]: {
    required: [use('the volume\'s VM', Col.VM)],
    optional: [
      ...VM_IDENTITY, TEMPLATE,
      use('volume mount point', Col.DISK),
      use('which disk holds the volume, for VMs with several disks', Col.DISK_KEY),
      use('volume size', Col.CAPACITY_MIB),
      use('volume free space', Col.FREE_MIB),
      use('volume free space, without Free MiB', Col.CONSUMED_MIB),
    ],
  },
  [RvTab.VNETWORK]: {
    required: [use('the NIC\'s VM', Col.VM)],
    optional: [
      ...VM_IDENTITY, TEMPLATE,
      use('NIC addresses', Col.IPV4_ADDRESS, Col.IP_ADDRESS),
      use('NIC addresses', Col.IPV6_ADDRESS, Col.IP_ADDRESS),
    ],
  },
  [RvTab.VHOST]: {
    required: [use('the host', Col.HOST)],
    optional: [
      use('ESXi versions of the connector', Col.ESX_VERSION),
      use('the host\'s vCenter', Col.SDK_SERVER),
      use('the host\'s vCenter', Col.SDK_UUID, Col.VCENTER_UUID),
    ],
  },
  [RvTab.VSOURCE]: {
    required: [use('the vCenter', Col.SDK_SERVER, Col.SDK_UUID)],
    optional: [
      use('connector name', Col.SDK_SERVER),
      use('the vCenter\'s identity', Col.SDK_UUID, Col.VCENTER_UUID),
      use('ESXi hosts told from vCenters', Col.API_TYPE),
      use('vCenter version', Col.VERSION, Col.FULLNAME),
    ],
  },
};

/** The required columns a table lacks, each as the name to report (the first alternative). */
export function missingColumns(tab: RvTab, headers: HeaderMap): string[] {
  return TAB_COLUMNS[tab].required.filter((c) => headers.index(...c.names) === undefined).map((c) => c.names[0]);
}

/** The optional columns a table lacks, each once, with the facts that are then unknown. */
export function missingOptionalColumns(tab: RvTab, headers: HeaderMap): ColumnUse[] {
  const missing: ColumnUse[] = [];
  for (const column of TAB_COLUMNS[tab].optional) {
    if (headers.index(...column.names) === undefined && !missing.some((m) => m.names[0] === column.names[0])) {
      missing.push(column);
    }
  }
  return missing;
}

/** The columns a tab needs and reads, for an error message: `needs "VM"; also reads "VM ID", …`. */
export function expectedColumns(tab: RvTab): string {
  const quote = (c: ColumnUse) => c.names.map((n) => `"${n}"`).join(' or ');
  const optional = [...new Set(TAB_COLUMNS[tab].optional.map(quote))];
  return `the ${tab} tab needs ${TAB_COLUMNS[tab].required.map(quote).join(', ')}; it also reads ${optional.join(', ')}`;
}

/** The one warning of a table that lacks optional columns: each column and the facts left unknown. */
export function missingOptionalWarning(tab: RvTab, missing: readonly ColumnUse[]): string {
  const list = missing.map((c) => `"${c.names[0]}" (${c.gives})`).join(', ');
  return `${missing.length === 1 ? 'column' : 'columns'} ${list} ${missing.length === 1 ? 'is' : 'are'} missing from ${tab}: `
    + 'these facts are left unknown';
}
