import { osFamily } from '../plan/model/os';
import { OsFamily, PlanDefaults, ReplicationMethod, Vm } from '../plan/model/plan';
import { csvDocument, quotedField } from '../private/csv';
import { settingsOf } from '../rules/mgn/facts/vm-settings';
import { VM_TAG } from './handler/api';

/**
 * The MGN import CSV of a wave (MGN-API.md §3.12): one row per agent-based VM, server columns only.
 * Pure: no constructs.
 *
 * Agentless VMs are left out: the vCenter Client discovers them, and a row would create a second
 * record of each. Waves and applications are left out too: the `Custom::MgnWave` resources own them, so
 * they can be removed and moved, which an import cannot do.
 *
 * Values are written exactly, quoted as RFC 4180 asks (a comma, a double quote, a CR or a LF), and
 * nothing else: MGN reads the file, not a spreadsheet, and the user-provided id and the tag must equal
 * the VM's name, which is how the handler finds the server. So a name such as `=HYPERLINK(...)` is
 * not given the leading quote the reports' CSV files give it (that would rename the server), nor are
 * control characters escaped. The file is an S3 object of the deployment, never opened by people.
 *
 * The plan knows no host name or FQDN of a VM, so `mgn:server:fqdn-for-action-framework` is not written.
 */

/** The columns, in file order. */
export const IMPORT_COLUMNS = Object.freeze({
  /** The server's natural key: the VM's name, which MGN never lets change. */
  USER_PROVIDED_ID: 'mgn:server:user-provided-id',
  /** `Linux` or `Windows`, from the OS family; empty when the plan does not tell. */
  PLATFORM: 'mgn:server:platform',
  /** The tag that links the server to its VM, whatever else finds it. */
  VM_TAG: `mgn:server:tag:${VM_TAG}`,
});

/** MGN's spelling of the platforms (the user guide's examples). */
const PLATFORMS: Partial<Record<OsFamily, string>> = {
  [OsFamily.LINUX]: 'Linux',
  [OsFamily.WINDOWS]: 'Windows',
};

/** A wave's import file. */
export interface ImportCsv {
  /** The file's text: a header record, then one record per VM, each ended by CRLF. */
  readonly csv: string;
  /** The VM of each data row, in row order (`rowNumber` 1 is the first). */
  readonly rowVms: string[];
}

/**
 * The import file of the agent-based VMs among `vms` (a wave's), in their order; `rowVms` is empty
 * when every VM is agentless.
 */
export function importCsvFor(vms: readonly Vm[], defaults: PlanDefaults | undefined): ImportCsv {
  const agentBased = vms.filter((vm) => settingsOf(vm, defaults).replication.method === ReplicationMethod.AGENT);
  const rows = agentBased.map((vm) => [vm.name, PLATFORMS[osFamily(vm.os) ?? OsFamily.OTHER] ?? '', vm.name]);
  return {
    csv: csvDocument([IMPORT_COLUMNS.USER_PROVIDED_ID, IMPORT_COLUMNS.PLATFORM, IMPORT_COLUMNS.VM_TAG], rows, quotedField),
    rowVms: agentBased.map((vm) => vm.name),
  };
}
