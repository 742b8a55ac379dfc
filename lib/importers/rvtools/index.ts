import { Disk, Hypervisor, Vm } from '../../plan/model/plan';
import { ImportResult } from '../types';
import { ZipLimits } from '../xlsx';
import { readConnectors } from './connectors';
import { readDisks, readPartitions } from './disks';
import { readInputs } from './inputs';
import { readNics } from './nics';
import { RvTab } from './tabs';
import { readVms, VmDraft } from './vms';
import { Warnings } from './warnings';

/** Options of the RVTools importer. */
export interface RvtoolsImportOptions {
  /**
   * What an xlsx archive may declare before it is refused as a possible zip bomb.
   *
   * @default - 10,000 entries, 512 MiB per entry, 2 GiB in all
   */
  readonly zipLimits?: ZipLimits;
}

function finishVm(draft: VmDraft, connector: string | undefined): Vm {
  const source = {
    ...(draft.vmPath !== undefined ? { vmPath: draft.vmPath } : {}),
    ...(draft.vmId !== undefined ? { vmId: draft.vmId } : {}),
    ...(draft.uuid !== undefined ? { vmManagerId: draft.uuid } : {}),
    ...(draft.vmUuid !== undefined ? { vmUuid: draft.vmUuid } : {}),
  };
  const disks: Disk[] = draft.disks.map((d) => ({ ...d.disk, ...(d.volumes.length > 0 ? { volumes: d.volumes } : {}) }));
  return {
    name: draft.name,
    hypervisor: Hypervisor.VMWARE,
    ...(connector !== undefined ? { connector } : {}),
    ...(Object.keys(source).length > 0 ? { source } : {}),
    ...(draft.os !== undefined ? { os: draft.os } : {}),
    ...(draft.firmware !== undefined ? { firmware: draft.firmware } : {}),
    ...(disks.length > 0 ? { disks } : {}),
    ...(draft.nics.length > 0 ? { nics: draft.nics } : {}),
    ...(draft.secureBoot !== undefined ? { guest: { secureBoot: draft.secureBoot } } : {}),
  };
}

/**
 * Imports an RVTools export: one `.xlsx` workbook, or the `.csv` exports of its tabs
 * (`RVTools_tabvInfo.csv`, … or any names: the tab is told from the headers). A folder stands for
 * the `.csv` and `.xlsx` files in it.
 *
 * Reads vInfo (VMs, OS, firmware and Secure Boot, the catalog's inventory path when it is certain, the MoRef and
 * its vCenter's UUID, the BIOS UUID MGN matches VMs on), vDisk (disks), vPartition (volumes, on the disk their `Disk Key` names or the VM's only
 * disk), vNetwork (NIC addresses), vHost and vSource (one connector per vCenter, told by `VI SDK UUID` /
 * `VI SDK Server`, with its version and its hosts' ESXi versions). Facts RVTools does not carry stay
 * absent, and so do those of a missing optional column (one warning per tab; see columns.ts).
 * Templates and SRM placeholders are skipped with a warning, and so is any row that cannot be used.
 *
 * @throws ImportError listing every structural problem: an unreadable, empty, encrypted or legacy
 * file, a damaged or unsafe zip archive, a missing vInfo sheet, a missing or renamed required column,
 * a CSV of another tab than its name says, a workbook mixed with CSV files
 */
export function importRvtools(files: string[], options: RvtoolsImportOptions = {}): ImportResult {
  const warnings = new Warnings();
  const tables = readInputs(files, warnings, options.zipLimits);
  const tab = (t: RvTab) => tables.get(t) ?? [];
  const set = readVms(tab(RvTab.VINFO), warnings, tab(RvTab.VSOURCE).length > 0);
  readDisks(set, tab(RvTab.VDISK), warnings);
  if (tab(RvTab.VPARTITION).length > 0) {
    readPartitions(set, tab(RvTab.VPARTITION), tab(RvTab.VDISK), warnings);
  }
  readNics(set, tab(RvTab.VNETWORK), warnings);
  const { connectors, connectorOf } = readConnectors(tab(RvTab.VSOURCE), tab(RvTab.VHOST), set.vms, tab(RvTab.VINFO)[0].file, warnings);
  if (set.vms.length === 0) {
    warnings.table(tab(RvTab.VINFO)[0], 'no VM to import: vInfo lists none, or only templates');
  }
  return {
    vms: set.vms.map((vm) => finishVm(vm, connectorOf.get(vm))),
    connectors,
    warnings: warnings.list,
  };
}
