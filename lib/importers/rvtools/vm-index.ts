import { Col } from './headers';
import { Table, TableRow } from './tabs';
import { parseText } from './values';

/**
 * Which VM a row of any tab belongs to (inventory-formats.md §11): VM names are not unique across
 * vCenters, so rows are keyed on the vCenter (`VI SDK UUID`, else `VI SDK Server`) and the MoRef
 * (`VM ID`), falling back to the vCenter and the name, and to the name alone only when no other VM
 * has it.
 */

/** The identity columns of one table. */
export class RowIdentity {
  private readonly vmColumn?: number;
  private readonly vmIdColumn?: number;
  private readonly serverColumn?: number;
  private readonly uuidColumn?: number;

  constructor(table: Table) {
    this.vmColumn = table.headers.index(Col.VM);
    this.vmIdColumn = table.headers.index(Col.VM_ID);
    this.serverColumn = table.headers.index(Col.SDK_SERVER);
    this.uuidColumn = table.headers.index(Col.SDK_UUID, Col.VCENTER_UUID);
  }

  /** The VM name of a row. */
  public name(row: TableRow): string | undefined {
    return cell(row, this.vmColumn);
  }

  /** The `VM ID` (MoRef) of a row. */
  public vmId(row: TableRow): string | undefined {
    return cell(row, this.vmIdColumn);
  }

  /** The `VI SDK Server` (vCenter) of a row. */
  public server(row: TableRow): string | undefined {
    return cell(row, this.serverColumn);
  }

  /** The `VI SDK UUID` of a row. */
  public uuid(row: TableRow): string | undefined {
    return cell(row, this.uuidColumn);
  }

  /** The keys of a row, most specific first; the last is the bare name. */
  public keys(row: TableRow): string[] {
    const name = this.name(row);
    const vmId = this.vmId(row);
    const server = this.server(row)?.toLowerCase();
    const uuid = this.uuid(row)?.toUpperCase();
    const keys: string[] = [];
    if (uuid && vmId) {
      keys.push(`uuid:${uuid}|${vmId}`);
    }
    if (server && vmId) {
      keys.push(`server:${server}|${vmId}`);
    }
    if (server && name) {
      keys.push(`server:${server}|name:${name}`);
    }
    if (name) {
      keys.push(`name:${name}`);
    }
    return keys;
  }
}

/** A cell's trimmed text, undefined when empty or when the column is absent. */
export function cell(row: TableRow, index: number | undefined): string | undefined {
  return index === undefined ? undefined : parseText(row.cells[index]);
}

/** VMs (or anything keyed like them) found by the keys of a row. */
export class VmIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly nameCount = new Map<string, number>();

  /** Adds a VM under all its keys; false when its most specific key is already taken (a duplicate row). */
  public add(keys: readonly string[], value: T): boolean {
    if (keys.length === 0 || this.byKey.has(keys[0])) {
      return false;
    }
    for (const key of keys) {
      if (key.startsWith('name:')) {
        this.nameCount.set(key, (this.nameCount.get(key) ?? 0) + 1);
      }
      if (!this.byKey.has(key)) {
        this.byKey.set(key, value);
      }
    }
    return true;
  }

  /** The VM a row's keys find; the bare name counts only when one VM has it. */
  public find(keys: readonly string[]): T | undefined {
    for (const key of keys) {
      if (key.startsWith('name:') && (this.nameCount.get(key) ?? 0) !== 1) {
        continue;
      }
      const found = this.byKey.get(key);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  }
}
