import { DiskFormat, DiskMode, Volume } from '../../plan/model/plan';
import { Col } from './headers';
import { Table } from './tabs';
import { cell, RowIdentity } from './vm-index';
import { mibToGiB, parseBoolean } from './values';
import { DiskDraft, ownerOf, VmSet } from './vms';
import { Warnings } from './warnings';

/**
 * Virtual disks from vDisk and guest volumes from vPartition (inventory-formats.md §7).
 *
 * RVTools does not say which disk boots (only a heuristic would: `Hard disk 1`), so no disk is marked
 * `boot`; disks keep vDisk's order. It does not say the datastore's kind either (a datastore name is
 * not a type), so `datastore` is left out.
 */

/** `Disk Mode` values as the plan's modes; the legacy modes (`nonpersistent`, `undoable`, `append`) have none. */
const MODES: Readonly<Record<string, DiskMode>> = {
  persistent: DiskMode.PERSISTENT,
  independentpersistent: DiskMode.INDEPENDENT_PERSISTENT,
  independentnonpersistent: DiskMode.INDEPENDENT_NONPERSISTENT,
};

/**
 * The format of a disk: `rdm` when `Raw` is true (or holds `Raw LUN`-style text), or is empty while a
 * `Raw LUN ID` is set; `sesparse` when the disk's file is an SEsparse delta; else `vmdk`. Undefined
 * when `Raw` is empty and no LUN id says otherwise: an empty cell is an unknown.
 */
function diskFormat(raw: string | undefined, lunId: string | undefined, paths: readonly (string | undefined)[]): DiskFormat | undefined {
  const isRaw = parseBoolean(raw) ?? (raw !== undefined && /\braw\b/i.test(raw) ? true : undefined);
  if (isRaw === true || (isRaw === undefined && lunId !== undefined)) {
    return DiskFormat.RDM;
  }
  if (isRaw === undefined) {
    return undefined;
  }
  return paths.some((p) => p !== undefined && /sesparse/i.test(p)) ? DiskFormat.SESPARSE : DiskFormat.VMDK;
}

/** Reads vDisk rows into the disks of their VMs. */
export function readDisks(set: VmSet, tables: readonly Table[], warnings: Warnings): void {
  for (const table of tables) {
    const ids = new RowIdentity(table);
    const h = table.headers;
    const col = {
      template: h.index(Col.TEMPLATE),
      disk: h.index(Col.DISK),
      key: h.index(Col.DISK_KEY),
      capacity: h.index(Col.CAPACITY_MIB),
      raw: h.index(Col.RAW),
      lunId: h.index(Col.RAW_LUN_ID),
      mode: h.index(Col.DISK_MODE),
      path: h.index(Col.PATH),
      diskPath: h.index(Col.DISK_PATH),
    };
    for (const [column, fact] of [[col.capacity, 'size'], [col.raw, 'format'], [col.mode, 'mode']] as const) {
      if (column === undefined) {
        warnings.table(table, `no "${fact === 'size' ? Col.CAPACITY_MIB : fact === 'format' ? Col.RAW : Col.DISK_MODE}" column: `
          + `the disk ${fact} is not imported`);
      }
    }
    for (const row of table.rows) {
      const vm = ownerOf(set, ids, table, row, warnings, col.template);
      if (vm === undefined) {
        continue;
      }
      const draft: DiskDraft = { disk: {}, key: cell(row, col.key), volumes: [] };
      const name = cell(row, col.disk);
      if (name !== undefined) {
        draft.disk.name = name;
      }
      const capacityText = cell(row, col.capacity);
      const size = mibToGiB(capacityText);
      if (size !== undefined) {
        draft.disk.sizeGiB = size;
      } else if (capacityText !== undefined) {
        warnings.row(table, row, `${vm.name} ${name ?? 'disk'}: capacity "${capacityText}" is not a number of MiB: size left out`);
      }
      const format = diskFormat(cell(row, col.raw), cell(row, col.lunId), [cell(row, col.path), cell(row, col.diskPath)]);
      if (format !== undefined) {
        draft.disk.format = format;
      }
      const modeText = cell(row, col.mode);
      if (modeText !== undefined) {
        const mode = MODES[modeText.toLowerCase().replace(/[^a-z]/g, '')];
        if (mode !== undefined) {
          draft.disk.mode = mode;
        } else {
          warnings.row(table, row, `${vm.name} ${name ?? 'disk'}: disk mode "${modeText}" is none of persistent, independent_persistent, `
            + 'independent_nonpersistent: mode left out');
        }
      }
      vm.disks.push(draft);
    }
  }
}

/**
 * Reads vPartition rows into volumes on the disks of their VMs. A volume is placed on the disk whose
 * `Disk Key` it carries (RVTools 4.1.2+ on vSphere that reports the mapping); a volume that cannot be
 * placed that way is left out with a warning, never put on a guessed disk: the boot and root-volume
 * rules would judge the wrong disk.
 */
export function readPartitions(set: VmSet, tables: readonly Table[], vdiskTables: readonly Table[], warnings: Warnings): void {
  const unkeyed = vdiskTables.find((t) => t.headers.index(Col.DISK_KEY) === undefined);
  for (const table of tables) {
    const ids = new RowIdentity(table);
    const h = table.headers;
    const col = {
      template: h.index(Col.TEMPLATE),
      mount: h.index(Col.DISK),
      key: h.index(Col.DISK_KEY),
      capacity: h.index(Col.CAPACITY_MIB),
      consumed: h.index(Col.CONSUMED_MIB),
      free: h.index(Col.FREE_MIB),
    };
    const reason = vdiskTables.length === 0 ? 'there is no vDisk tab'
      : col.key === undefined ? `vPartition has no "${Col.DISK_KEY}" column (RVTools before 4.1.2)`
        : unkeyed ? `vDisk has no "${Col.DISK_KEY}" column (RVTools before 4.1.2)` : undefined;
    if (reason !== undefined) {
      warnings.table(table, `${reason}, so no volume can be placed on its disk: volumes are not imported`);
      continue;
    }
    for (const row of table.rows) {
      const vm = ownerOf(set, ids, table, row, warnings, col.template);
      if (vm === undefined) {
        continue;
      }
      const mount = cell(row, col.mount);
      const key = cell(row, col.key);
      const disk = key === undefined ? undefined : vm.disks.find((d) => d.key === key);
      if (disk === undefined) {
        warnings.row(table, row, `${vm.name} volume ${mount ?? '(unnamed)'}: `
          + (key === undefined ? 'no Disk Key says which disk holds it' : `no disk of the VM has Disk Key ${key}`) + ': volume left out');
        continue;
      }
      const volume: { -readonly [K in keyof Volume]: Volume[K] } = {};
      if (mount !== undefined) {
        volume.mount = mount;
      }
      const size = mibToGiB(cell(row, col.capacity));
      if (size !== undefined) {
        volume.sizeGiB = size;
      }
      const free = mibToGiB(cell(row, col.free));
      const consumed = mibToGiB(cell(row, col.consumed));
      if (free !== undefined) {
        volume.freeGiB = free;
      } else if (size !== undefined && consumed !== undefined && consumed <= size) {
        volume.freeGiB = size - consumed;
      }
      disk.volumes.push(volume);
    }
  }
}
