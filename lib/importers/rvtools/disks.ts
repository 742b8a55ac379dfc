import { DiskFormat, DiskMode, Volume } from '../../plan/model/plan';
import { Col } from './headers';
import { Table, TableRow } from './tabs';
import { cell, RowIdentity } from './vm-index';
import { mibToGiB, parseBoolean } from './values';
import { DiskDraft, ownerOf, VmDraft, VmSet } from './vms';
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
 * `Disk Key` it carries (RVTools 4.1.2+ on a vSphere that reports the mapping), or on the VM's only disk
 * when it has exactly one (and no `Disk Key` contradicts it). A volume of a VM with several disks and no
 * usable `Disk Key` is left out, never put on a guessed disk (the boot and root-volume rules would judge
 * the wrong disk), with one warning per VM.
 */
export function readPartitions(set: VmSet, tables: readonly Table[], vdiskTables: readonly Table[], warnings: Warnings): void {
  if (vdiskTables.length === 0) {
    for (const table of tables) {
      warnings.table(table, 'there is no vDisk tab, so no volume can be placed on its disk: volumes are not imported');
    }
    return;
  }
  const leftOut = new Map<VmDraft, { table: Table; row: TableRow; mounts: string[]; keys: Set<string>; unkeyed: number }>();
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
    for (const row of table.rows) {
      const vm = ownerOf(set, ids, table, row, warnings, col.template);
      if (vm === undefined) {
        continue;
      }
      const mount = cell(row, col.mount);
      const key = cell(row, col.key);
      // The only disk holds the volume, unless both carry keys that differ (then vDisk lacks the volume's disk).
      const only = vm.disks.length === 1 && (key === undefined || vm.disks[0].key === undefined) ? vm.disks[0] : undefined;
      const disk = (key === undefined ? undefined : vm.disks.find((d) => d.key === key)) ?? only;
      if (disk === undefined) {
        const entry = leftOut.get(vm) ?? { table, row, mounts: [], keys: new Set<string>(), unkeyed: 0 };
        entry.mounts.push(mount ?? '(unnamed)');
        if (key !== undefined) {
          entry.keys.add(key);
        } else {
          entry.unkeyed++;
        }
        leftOut.set(vm, entry);
        continue;
      }
      disk.volumes.push(volumeOf(row, mount, col));
    }
  }
  for (const [vm, { table, row, mounts, keys, unkeyed }] of leftOut) {
    const volumes = mounts.length === 1 ? `volume ${mounts[0]}` : `${mounts.length} volumes (${mounts.join(', ')})`;
    const why = vm.disks.length === 0 ? ['the VM has no disk in vDisk'] : [
      keys.size > 0 ? `no disk of the VM has Disk Key ${[...keys].join(', ')}` : undefined,
      unkeyed > 0 ? `no Disk Key says which of its ${vm.disks.length} disks holds ${unkeyed === mounts.length ? (unkeyed === 1 ? 'it' : 'them') : `the other ${unkeyed}`}` : undefined,
    ].filter((w): w is string => w !== undefined);
    warnings.row(table, row, `${vm.name}: ${volumes} left out: ${why.join('; ')}`);
  }
}

/** A volume from a vPartition row: mount, size, and free space (`Free MiB`, else capacity less `Consumed MiB`). */
function volumeOf(row: TableRow, mount: string | undefined,
  col: { capacity?: number; consumed?: number; free?: number }): Volume {
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
  return volume;
}
