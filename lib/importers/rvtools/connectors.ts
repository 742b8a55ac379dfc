import { Connector, Hypervisor } from '../../plan/model/plan';
import { compareVersions, parseVersion } from '../../private/version';
import { Col } from './headers';
import { Table } from './tabs';
import { cell } from './vm-index';
import { dottedVersion } from './values';
import { VmDraft } from './vms';
import { Warnings } from './warnings';

/**
 * The connector facts RVTools carries: one connector per vCenter, named after it (`VI SDK Server`), with
 * the vCenter version (vSource `Version`) and the ESXi versions of its hosts (vHost `ESX Version`).
 *
 * A vCenter is told by `VI SDK UUID`, else `VI SDK Server`, on every tab: vSource's `Name` holds the
 * product name (`VMware vCenter Server`) in real exports, the same for every vCenter, so it never names
 * or tells apart a connector. Without a vSource tab (RVTools before 4.3.1) the vCenters are those of the
 * VMs, and the vCenter version is the major.minor of `VI SDK API Version`, which vCenter reports as its
 * own release (a 6.7 vCenter reports API 6.7.x, a 7.0 one 7.0.x.0); the update level is not kept.
 */

interface Source {
  readonly name: string;
  readonly server?: string;
  readonly uuid?: string;
  readonly version?: string;
  readonly esxi: string[];
}

function sameText(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The source a row names: by `VI SDK UUID` when both have one, else by `VI SDK Server`. */
function sameSource(s: Source, uuid: string | undefined, server: string | undefined): boolean {
  return s.uuid !== undefined && uuid !== undefined ? sameText(s.uuid, uuid) : sameText(s.server, server);
}

/** The vCenters of the vSource tables (or, without them, of the VMs). */
function sources(sourceTables: readonly Table[], vms: readonly VmDraft[], warnings: Warnings): Source[] {
  const found: Source[] = [];
  for (const table of sourceTables) {
    const h = table.headers;
    const col = {
      server: h.index(Col.SDK_SERVER), uuid: h.index(Col.SDK_UUID, Col.VCENTER_UUID),
      apiType: h.index(Col.API_TYPE), version: h.index(Col.VERSION), fullname: h.index(Col.FULLNAME),
    };
    for (const row of table.rows) {
      const server = cell(row, col.server);
      const uuid = cell(row, col.uuid);
      // Without VI SDK Server, the name is that of the vCenter's VMs, else its UUID.
      const name = server ?? vms.find((vm) => sameText(vm.uuid, uuid) && vm.server !== undefined)?.server ?? uuid;
      if (name === undefined) {
        warnings.row(table, row, `neither "${Col.SDK_SERVER}" nor "${Col.SDK_UUID}" names the vCenter: row skipped`);
        continue;
      }
      const apiType = cell(row, col.apiType);
      const isVcenter = apiType === undefined || /virtualcenter/i.test(apiType);
      if (!isVcenter) {
        warnings.row(table, row, `${name} is an ESXi host RVTools connected to directly (API type ${apiType}), not a vCenter: `
          + 'its connector has no vCenter version');
      }
      const version = isVcenter ? dottedVersion(cell(row, col.version)) ?? dottedVersion(cell(row, col.fullname)) : undefined;
      if (found.some((s) => sameSource(s, uuid, server ?? name))) {
        continue;
      }
      found.push({ name, server: server ?? name, uuid, version, esxi: [] });
    }
  }
  for (const vm of vms) {
    // VMs of a vCenter vSource does not list (or every VM, without vSource) still get their connector.
    if (vm.server === undefined || found.some((s) => sameSource(s, vm.uuid, vm.server))) {
      continue;
    }
    const isVcenter = vm.serverType === undefined || /virtualcenter/i.test(vm.serverType);
    const api = isVcenter ? parseVersion(vm.apiVersion ?? '') : undefined;
    const version = api !== undefined && api.length >= 2 ? `${api[0]}.${api[1]}` : undefined;
    found.push({ name: vm.server, server: vm.server, uuid: vm.uuid, version, esxi: [] });
  }
  return uniqueNames(found);
}

/** Two vCenters of one name (the same host name in two exports' UUIDs) keep apart: the second is named with its UUID. */
function uniqueNames(list: readonly Source[]): Source[] {
  return list.map((s, i) => (list.slice(0, i).some((o) => sameText(o.name, s.name)) && s.uuid !== undefined ? { ...s, name: `${s.name} (${s.uuid})` } : s));
}

/** The source a vHost row belongs to: by `VI SDK UUID`, else `VI SDK Server`, else the only one. */
function sourceOf(list: readonly Source[], uuid: string | undefined, server: string | undefined): Source | undefined {
  return list.find((s) => sameText(s.uuid, uuid))
    ?? list.find((s) => (s.uuid === undefined || uuid === undefined) && sameText(s.server, server))
    ?? (list.length === 1 && uuid === undefined && server === undefined ? list[0] : undefined);
}

/**
 * Builds the connectors, and sets each VM's `connector` to the one of its vCenter.
 */
export function readConnectors(sourceTables: readonly Table[], hostTables: readonly Table[], vms: readonly VmDraft[],
  file: string, warnings: Warnings): { connectors: Connector[]; connectorOf: Map<VmDraft, string> } {
  const list = sources(sourceTables, vms, warnings);
  for (const table of hostTables) {
    const h = table.headers;
    const col = {
      host: h.index(Col.HOST), version: h.index(Col.ESX_VERSION), server: h.index(Col.SDK_SERVER), uuid: h.index(Col.SDK_UUID, Col.VCENTER_UUID),
    };
    if (col.version === undefined) {
      // The tab's one warning names the missing column.
      continue;
    }
    const noVersion: string[] = [];
    const noSource: string[] = [];
    for (const row of table.rows) {
      const host = cell(row, col.host) ?? `(unnamed host, row ${row.row})`;
      const version = dottedVersion(cell(row, col.version));
      if (version === undefined) {
        noVersion.push(host);
        continue;
      }
      const source = sourceOf(list, cell(row, col.uuid), cell(row, col.server));
      if (source === undefined) {
        noSource.push(host);
        continue;
      }
      if (!source.esxi.includes(version)) {
        source.esxi.push(version);
      }
    }
    if (noVersion.length > 0) {
      warnings.table(table, `${hostsHave(noVersion)} no version number in "${Col.ESX_VERSION}": ${theirVersions(noVersion)}`);
    }
    if (noSource.length > 0) {
      warnings.table(table, `${hostsHave(noSource)} no vCenter of the export matching ${noSource.length === 1 ? 'its' : 'their'} `
        + `"${Col.SDK_UUID}" or "${Col.SDK_SERVER}": ${theirVersions(noSource)}`);
    }
  }
  if (list.length === 0) {
    warnings.file(file, `neither a vSource tab nor a "${Col.SDK_SERVER}" column names the vCenter: `
      + 'no connector is imported');
  }
  const connectors = list.map((s): Connector => ({
    name: s.name,
    hypervisor: Hypervisor.VMWARE,
    ...(s.version ? { vcenterVersion: s.version } : {}),
    ...(s.esxi.length > 0 ? { esxiVersions: [...s.esxi].sort((a, b) => compareVersions(parseVersion(a)!, parseVersion(b)!)) } : {}),
  }));
  const connectorOf = new Map<VmDraft, string>();
  for (const vm of vms) {
    const source = sourceOf(list, vm.uuid, vm.server);
    if (source !== undefined) {
      connectorOf.set(vm, source.name);
    }
  }
  return { connectors, connectorOf };
}

/** `host esx01 has` / `3 hosts have`: per-host warnings collapse to one line with a count. */
function hostsHave(hosts: readonly string[]): string {
  return hosts.length === 1 ? `host ${hosts[0]} has` : `${hosts.length} hosts have`;
}

/** What is lost, with the first few host names when there are several. */
function theirVersions(hosts: readonly string[]): string {
  if (hosts.length === 1) {
    return 'its ESXi version is left out';
  }
  const shown = hosts.slice(0, 3).join(', ');
  return `their ESXi versions are left out (${hosts.length > 3 ? `${shown} and ${hosts.length - 3} more` : shown})`;
}
