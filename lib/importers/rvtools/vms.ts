import { Disk, Firmware, Nic, OsFacts, Volume } from '../../plan/model/plan';
import { Col } from './headers';
import { vmOs } from './os';
import { Table } from './tabs';
import { cell, RowIdentity, VmIndex } from './vm-index';
import { parseBoolean } from './values';
import { Warnings } from './warnings';

/**
 * The VMs of vInfo, as drafts the other tabs add disks, volumes and NICs to.
 */

/** A disk being assembled, with the key vPartition rows refer to it by. */
export interface DiskDraft {
  readonly disk: { -readonly [K in keyof Disk]: Disk[K] };
  /** `Disk Key` (4.1.2+), compared as text. */
  readonly key?: string;
  readonly volumes: Volume[];
}

/** A VM being assembled. */
export interface VmDraft {
  readonly name: string;
  readonly vmId?: string;
  readonly vmPath?: string;
  readonly os?: OsFacts;
  readonly firmware?: Firmware;
  /** The VM's BIOS UUID, which MGN matches agentless VMs on (see biosUuidColumn). */
  readonly vmUuid?: string;
  /** `EFI Secure boot`. */
  readonly secureBoot?: boolean;
  /** `VI SDK Server`: the vCenter the VM was read from. */
  readonly server?: string;
  /** `VI SDK UUID`. */
  readonly uuid?: string;
  /** `VI SDK Server type` and `VI SDK API Version`, for connectors when there is no vSource tab. */
  readonly serverType?: string;
  readonly apiVersion?: string;
  readonly disks: DiskDraft[];
  readonly nics: Nic[];
}

/** The VMs read from vInfo, and the keys of the rows skipped on purpose (templates, SRM placeholders). */
export interface VmSet {
  readonly vms: VmDraft[];
  readonly index: VmIndex<VmDraft>;
  readonly skipped: VmIndex<true>;
}

/** `bios` or `efi` (vInfo `Firmware`) as the plan's firmware. */
function firmware(text: string | undefined): Firmware | undefined {
  switch (text?.toLowerCase()) {
    case 'bios':
      return Firmware.BIOS;
    case 'efi':
    case 'uefi':
      return Firmware.UEFI;
    default:
      return undefined;
  }
}

/**
 * The VM's path as SMS's server catalog writes it (`vmServer.vmPath`): `/Datacenters/<datacenter>/vm/<folders>/<VM name>`.
 * Built only when vInfo's `Folder` is anchored at the VM's datacenter, so that the path is certain: `/<datacenter>/vm/<folders>`
 * (with or without the leading slash), or the catalog's own form `/Datacenters/<datacenter>/vm/<folders>`, where
 * `<datacenter>` is the row's `Datacenter`. A bare folder name (`web`), a path that does not start at the datacenter's `vm`
 * folder, or an empty cell says too little (`web` may sit in any parent folder): no path, never a guessed one.
 */
export function smsVmPath(datacenter: string | undefined, folder: string | undefined, name: string): string | undefined {
  if (datacenter === undefined || folder === undefined) {
    return undefined;
  }
  const segments = folder.replace(/\/+$/, '').split('/').filter((s, i) => !(i === 0 && s === ''));
  if (segments.some((s) => s.trim() === '')) {
    return undefined;
  }
  const anchored = (at: readonly string[]) => at.length >= 2 && at[0] === datacenter && at[1] === 'vm';
  const under = anchored(segments) ? segments : segments[0] === 'Datacenters' && anchored(segments.slice(1)) ? segments.slice(1) : undefined;
  return under === undefined ? undefined : ['', 'Datacenters', ...under, name].join('/');
}

/** Columns RVTools added in 4.4.1, with `SMBIOS UUID`: a vInfo table with one of them is from 4.4.1 or later. */
const SINCE_4_4_1 = [Col.EFI_SECURE_BOOT, 'Total disk capacity MiB', 'Folder ID'];

/**
 * The column holding a VM's BIOS (SMBIOS) UUID, the one MGN knows a vSphere VM by: `SMBIOS UUID` (RVTools
 * 4.4.1+), else `VM UUID` in an export from before 4.3.1, where it held the BIOS UUID. From 4.3.1 on,
 * `VM UUID` holds the vCenter instance UUID, another id: when `SMBIOS UUID` was trimmed from such an export
 * (told by a vSource tab, which 4.3.1 added, or a column 4.4.1 added), the UUID is left unknown with a warning.
 */
function biosUuidColumn(table: Table, newerExport: boolean, warnings: Warnings): number | undefined {
  const h = table.headers;
  const smbios = h.index(Col.SMBIOS_UUID);
  const vmUuid = h.index(Col.VM_UUID);
  if (smbios !== undefined || vmUuid === undefined) {
    return smbios;
  }
  if (newerExport || SINCE_4_4_1.some((name) => h.index(name) !== undefined)) {
    warnings.table(table, `"${Col.SMBIOS_UUID}" is missing and "${Col.VM_UUID}" holds the vCenter instance UUID in RVTools 4.3.1 and later, `
      + 'not the BIOS UUID MGN matches VMs on: source.vmUuid is left unknown');
    return undefined;
  }
  return vmUuid;
}

/**
 * Reads the VMs of the vInfo tables, warning about every row it skips or only partly understands.
 * `newerExport`: the export is from RVTools 4.3.1 or later (it has a vSource tab).
 */
export function readVms(tables: readonly Table[], warnings: Warnings, newerExport = false): VmSet {
  const vms: VmDraft[] = [];
  const index = new VmIndex<VmDraft>();
  const skipped = new VmIndex<true>();
  for (const table of tables) {
    const ids = new RowIdentity(table);
    const h = table.headers;
    const col = {
      template: h.index(Col.TEMPLATE),
      srm: h.index(Col.SRM_PLACEHOLDER),
      folder: h.index(Col.FOLDER),
      datacenter: h.index(Col.DATACENTER),
      firmware: h.index(Col.FIRMWARE),
      secureBoot: h.index(Col.EFI_SECURE_BOOT),
      vmUuid: biosUuidColumn(table, newerExport, warnings),
      config: h.index(Col.OS_CONFIG),
      tools: h.index(Col.OS_TOOLS),
      detailed: h.index(Col.GUEST_DETAILED_DATA),
      serverType: h.index(Col.SDK_SERVER_TYPE),
      apiVersion: h.index(Col.SDK_API_VERSION),
    };
    for (const row of table.rows) {
      const name = ids.name(row);
      if (name === undefined) {
        warnings.row(table, row, `the "${Col.VM}" cell is empty: row skipped`);
        continue;
      }
      const keys = ids.keys(row);
      if (parseBoolean(row.cells[col.template ?? -1]) === true) {
        warnings.row(table, row, `${name} is a template: skipped`);
        skipped.add(keys, true);
        continue;
      }
      if (parseBoolean(row.cells[col.srm ?? -1]) === true) {
        warnings.row(table, row, `${name} is a Site Recovery Manager placeholder: skipped`);
        skipped.add(keys, true);
        continue;
      }
      const os = vmOs({ config: cell(row, col.config), tools: cell(row, col.tools), detailed: cell(row, col.detailed) });
      if (os.note) {
        warnings.row(table, row, `${name}: ${os.note}`);
      }
      const firmwareText = cell(row, col.firmware);
      const fw = firmware(firmwareText);
      if (firmwareText !== undefined && fw === undefined) {
        warnings.row(table, row, `${name}: firmware "${firmwareText}" is neither bios nor efi: left out`);
      }
      const secureBootText = cell(row, col.secureBoot);
      const secureBoot = parseBoolean(secureBootText);
      if (secureBootText !== undefined && secureBoot === undefined) {
        warnings.row(table, row, `${name}: EFI Secure boot "${secureBootText}" is neither True nor False: left out`);
      }
      const draft: VmDraft = {
        name,
        vmId: ids.vmId(row),
        vmPath: smsVmPath(cell(row, col.datacenter), cell(row, col.folder), name),
        vmUuid: cell(row, col.vmUuid)?.toLowerCase(),
        os: os.os,
        firmware: fw,
        secureBoot,
        server: ids.server(row),
        uuid: ids.uuid(row),
        serverType: cell(row, col.serverType),
        apiVersion: cell(row, col.apiVersion),
        disks: [],
        nics: [],
      };
      if (!index.add(keys, draft)) {
        warnings.row(table, row, `${name} is listed twice: this row is skipped`);
        continue;
      }
      vms.push(draft);
    }
  }
  return { vms, index, skipped };
}

/**
 * The VM a row of another tab belongs to; warns and gives undefined when vInfo has no such VM
 * (rows of skipped templates are dropped without a second warning).
 */
export function ownerOf(set: VmSet, ids: RowIdentity, table: Table, row: { row: number; cells: readonly string[] },
  warnings: Warnings, templateColumn: number | undefined): VmDraft | undefined {
  const keys = ids.keys(row);
  const vm = set.index.find(keys);
  if (vm !== undefined) {
    return vm;
  }
  if (set.skipped.find(keys) !== undefined || parseBoolean(row.cells[templateColumn ?? -1]) === true) {
    return undefined;
  }
  const name = ids.name(row);
  warnings.row(table, row, name === undefined ? `the "${Col.VM}" cell is empty: row skipped` : `${name} is not in vInfo: row skipped`);
  return undefined;
}
