/**
 * Binding RVTools columns by header text, never by position (inventory-formats.md §3): custom
 * attribute columns can sit anywhere, and RVTools renamed columns between releases.
 */

/**
 * The lookup key of a header: trimmed, inner whitespace collapsed, case-folded, and the unit words
 * `MB`/`KB` read as `MiB`/`KiB` (RVTools 4.1.2 renamed the units; the values were binary in both).
 */
export function headerKey(header: string): string {
  return header.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\b([mk])b\b/g, '$1ib');
}

/** The column names this importer reads, as RVTools 4.x writes them. */
export const Col = {
  VM: 'VM',
  POWERSTATE: 'Powerstate',
  TEMPLATE: 'Template',
  SRM_PLACEHOLDER: 'SRM Placeholder',
  CPUS: 'CPUs',
  MEMORY: 'Memory',
  FOLDER: 'Folder',
  DATACENTER: 'Datacenter',
  FIRMWARE: 'Firmware',
  EFI_SECURE_BOOT: 'EFI Secure boot',
  OS_CONFIG: 'OS according to the configuration file',
  OS_TOOLS: 'OS according to the VMware Tools',
  GUEST_DETAILED_DATA: 'Guest Detailed Data',
  VM_ID: 'VM ID',
  /** The VM's BIOS UUID (RVTools 4.4.1+). */
  SMBIOS_UUID: 'SMBIOS UUID',
  /** The BIOS UUID before RVTools 4.3.1; the vCenter instance UUID since. */
  VM_UUID: 'VM UUID',
  SDK_SERVER_TYPE: 'VI SDK Server type',
  SDK_API_VERSION: 'VI SDK API Version',
  SDK_SERVER: 'VI SDK Server',
  SDK_UUID: 'VI SDK UUID',
  /** The 3.8 name of `VI SDK UUID`. */
  VCENTER_UUID: 'vCenter UUID',
  DISK: 'Disk',
  DISK_KEY: 'Disk Key',
  CAPACITY_MIB: 'Capacity MiB',
  RAW: 'Raw',
  RAW_LUN_ID: 'Raw LUN ID',
  DISK_MODE: 'Disk Mode',
  PATH: 'Path',
  DISK_PATH: 'Disk Path',
  CONSUMED_MIB: 'Consumed MiB',
  FREE_MIB: 'Free MiB',
  ADAPTER: 'Adapter',
  MAC_ADDRESS: 'Mac Address',
  IPV4_ADDRESS: 'IPv4 Address',
  IPV6_ADDRESS: 'IPv6 Address',
  /** The single address column before RVTools 4.1.2. */
  IP_ADDRESS: 'IP Address',
  HOST: 'Host',
  CPU_COUNT: '# CPU',
  ESX_VERSION: 'ESX Version',
  API_TYPE: 'API type',
  API_VERSION: 'API version',
  VERSION: 'Version',
  FULLNAME: 'Fullname',
} as const;

/** The columns of one table, looked up by header text. */
export class HeaderMap {
  /** The headers as the file writes them, in column order. */
  public readonly headers: readonly string[];
  private readonly byKey = new Map<string, number>();

  constructor(headers: readonly string[]) {
    this.headers = headers;
    headers.forEach((header, index) => {
      const key = headerKey(header);
      // A header that appears twice (custom attributes can collide) keeps its first column.
      if (key !== '' && !this.byKey.has(key)) {
        this.byKey.set(key, index);
      }
    });
  }

  /** The column index of the first of `names` present, or undefined. */
  public index(...names: string[]): number | undefined {
    for (const name of names) {
      const index = this.byKey.get(headerKey(name));
      if (index !== undefined) {
        return index;
      }
    }
    return undefined;
  }

  /** True when every one of `names` is present. */
  public hasAll(...names: string[]): boolean {
    return names.every((name) => this.byKey.has(headerKey(name)));
  }

  /** True when any one of `names` is present. */
  public hasAny(...names: string[]): boolean {
    return names.some((name) => this.byKey.has(headerKey(name)));
  }

  /** The headers, trimmed and without empty ones, for messages. */
  public found(): string[] {
    return this.headers.map((h) => h.trim()).filter((h) => h !== '');
  }
}

const MAX_LISTED = 40;

/** Headers joined for a message, each quoted, at most 40 of them. */
export function listHeaders(headers: readonly string[]): string {
  const quoted = headers.slice(0, MAX_LISTED).map((h) => `"${h}"`).join(', ');
  return headers.length > MAX_LISTED ? `${quoted} and ${headers.length - MAX_LISTED} more` : quoted || 'none';
}

/** A header named by the file that differs from `wanted` only by a typo or a suffix, for "did you mean". */
export function nearHeader(wanted: string, headers: readonly string[]): string | undefined {
  const key = headerKey(wanted);
  return headers.find((header) => {
    const other = headerKey(header);
    return other !== key && (other.startsWith(`${key} `) || other.endsWith(` ${key}`) || other.replace(/[^a-z0-9]/g, '') === key.replace(/[^a-z0-9]/g, ''));
  });
}
