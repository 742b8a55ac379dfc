import { SheetRow, SheetTable } from '../xlsx';
import { Col, HeaderMap } from './headers';

/**
 * The RVTools tabs this importer reads, how each is recognised from its headers (inventory-formats.md
 * §2). The columns each tab is read by are in columns.ts.
 */

/** An RVTools tab the importer reads. */
export enum RvTab {
  VINFO = 'vInfo',
  VDISK = 'vDisk',
  VPARTITION = 'vPartition',
  VNETWORK = 'vNetwork',
  VHOST = 'vHost',
  VSOURCE = 'vSource',
}

/** Every tab the importer reads, in the order it reads them. */
export const READ_TABS: readonly RvTab[] = [RvTab.VINFO, RvTab.VDISK, RvTab.VPARTITION, RvTab.VNETWORK, RvTab.VHOST, RvTab.VSOURCE];

/**
 * Other tabs of an RVTools "Export all", recognised by name and skipped. Names compare
 * case-insensitively; `vSC+VMK` is the CSV spelling of `vSC_VMK`.
 */
export const OTHER_TABS: readonly string[] = [
  'vCPU', 'vMemory', 'vCD', 'vUSB', 'vSnapshot', 'vTools', 'vRP', 'vCluster', 'vHBA', 'vNIC', 'vSwitch', 'vPort',
  'dvSwitch', 'dvPort', 'vSC_VMK', 'vSC+VMK', 'vDatastore', 'vMultiPath', 'vLicense', 'vFileInfo', 'vHealth', 'vMetaData',
  'vFloppy', 'vApp',
];

/** A data row of a table, from a sheet or a CSV export: its 1-based row number (the header is row 1) and its cells. */
export type TableRow = SheetRow;

/** One sheet, or one CSV export of a tab: its header, looked up by header text, and its data rows up to the first empty row. */
export interface Table extends Omit<SheetTable, 'headers'> {
  /** The sheet name, or for a CSV the tab it is an export of. */
  readonly sheet: string;
  readonly headers: HeaderMap;
}

/** A sheet the xlsx reader read, as a table whose columns are looked up by RVTools header text. */
export function tableOfSheet(sheet: SheetTable): Table {
  return { ...sheet, headers: new HeaderMap(sheet.headers) };
}

/** The tab a sheet name or `RVTools_tab<Tab>.csv` name stands for, compared case-insensitively. */
export function tabByName(name: string): RvTab | undefined {
  const key = name.trim().toLowerCase();
  return READ_TABS.find((tab) => tab.toLowerCase() === key);
}

/** True when the name is an RVTools tab this importer does not read. */
export function isOtherTab(name: string): boolean {
  const key = name.trim().toLowerCase();
  return OTHER_TABS.some((tab) => tab.toLowerCase() === key);
}

/** The tab a CSV file name says (`RVTools_tabvInfo.csv` is vInfo), as written; undefined for other names. */
export function tabInFileName(baseName: string): string | undefined {
  const match = baseName.match(/^RVTools_tab(.+)\.csv$/i);
  return match ? match[1] : undefined;
}

const DB_PREFIXES = ['vInfo', 'vDisk', 'vPartition', 'vNetwork', 'vHost', 'vSource', 'vCPU', 'vMemory', 'vTools', 'vSnapshot'];

/**
 * The tab whose name prefixes most headers, as RVTools writes them with `-DBColumnNames`
 * (`vInfoVMName`, `vDiskMode`); undefined for ordinary headers.
 */
export function dbColumnTab(headers: HeaderMap): string | undefined {
  const found = headers.found();
  if (found.length === 0) {
    return undefined;
  }
  for (const prefix of DB_PREFIXES) {
    const prefixed = found.filter((h) => h.length > prefix.length && h.toLowerCase().startsWith(prefix.toLowerCase())
      && /[A-Z#_]/.test(h[prefix.length]));
    if (prefixed.length * 2 > found.length) {
      return prefix;
    }
  }
  return undefined;
}

/**
 * The tab a header row belongs to, from the fingerprints of inventory-formats.md §2, or undefined.
 *
 * The VM tabs all repeat `VM`, `Powerstate` and the OS columns, so the more specific fingerprints go
 * first, and vInfo also needs `CPUs` and `Memory` together (vCPU has no `Memory`, vMemory no `CPUs`):
 * otherwise a vCPU or vTools export would read as a second vInfo.
 */
export function tabByHeaders(headers: HeaderMap): RvTab | undefined {
  const h = headers;
  if (h.hasAll(Col.VM, Col.DISK, Col.DISK_MODE) && h.hasAny(Col.CAPACITY_MIB)) {
    return RvTab.VDISK;
  }
  if (h.hasAll(Col.VM, Col.DISK) && h.hasAny(Col.CONSUMED_MIB)) {
    return RvTab.VPARTITION;
  }
  if (h.hasAll(Col.VM, Col.ADAPTER, Col.MAC_ADDRESS)) {
    return RvTab.VNETWORK;
  }
  // `# CPU` is vHost's own (without `ESX Version`, which a trimmed export may lack).
  if (h.hasAll(Col.HOST, Col.CPU_COUNT)) {
    return RvTab.VHOST;
  }
  if (h.hasAll(Col.API_TYPE, Col.FULLNAME)) {
    return RvTab.VSOURCE;
  }
  if (h.hasAll(Col.VM, Col.POWERSTATE, Col.CPUS, Col.MEMORY) && h.hasAny(Col.OS_CONFIG, Col.OS_TOOLS)) {
    return RvTab.VINFO;
  }
  return undefined;
}
