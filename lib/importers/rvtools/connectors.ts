import { Connector, Hypervisor } from '../../plan/model/plan';
import { compareVersions, parseVersion } from '../../private/version';
import { Col } from './headers';
import { Table } from './tabs';
import { cell } from './vm-index';
import { dottedVersion } from './values';
import { VmDraft } from './vms';
import { Warnings } from './warnings';

/**
 * The connector facts RVTools carries: one connector per vCenter, named after it, with the vCenter
 * version (vSource `Version`) and the ESXi versions of its hosts (vHost `ESX Version`).
 *
 * Without a vSource tab (RVTools before 4.3.1) the vCenters are the `VI SDK Server` values, and the
 * vCenter version is the major.minor of `VI SDK API Version`, which vCenter reports as its own
 * release (a 6.7 vCenter reports API 6.7.x, a 7.0 one 7.0.x.0); the update level is not kept.
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

/** The vCenters of the vSource tables (or, without them, of the VMs). */
function sources(sourceTables: readonly Table[], vms: readonly VmDraft[], warnings: Warnings): Source[] {
  const found: Source[] = [];
  for (const table of sourceTables) {
    const h = table.headers;
    const col = {
      name: h.index(Col.NAME), server: h.index(Col.SDK_SERVER), uuid: h.index(Col.SDK_UUID, Col.VCENTER_UUID),
      apiType: h.index(Col.API_TYPE), version: h.index(Col.VERSION), fullname: h.index(Col.FULLNAME),
    };
    for (const row of table.rows) {
      const server = cell(row, col.server);
      const name = cell(row, col.name) ?? server;
      if (name === undefined) {
        warnings.row(table, row, 'no vCenter name: row skipped');
        continue;
      }
      const apiType = cell(row, col.apiType);
      const isVcenter = apiType === undefined || /virtualcenter/i.test(apiType);
      if (!isVcenter) {
        warnings.row(table, row, `${name} is an ESXi host RVTools connected to directly (API type ${apiType}), not a vCenter: `
          + 'its connector has no vCenter version');
      }
      const version = isVcenter ? dottedVersion(cell(row, col.version)) ?? dottedVersion(cell(row, col.fullname)) : undefined;
      if (found.some((s) => sameText(s.name, name))) {
        continue;
      }
      found.push({ name, server, uuid: cell(row, col.uuid), version, esxi: [] });
    }
  }
  if (sourceTables.length > 0) {
    return found;
  }
  for (const vm of vms) {
    if (vm.server === undefined || found.some((s) => sameText(s.name, vm.server))) {
      continue;
    }
    const isVcenter = vm.serverType === undefined || /virtualcenter/i.test(vm.serverType);
    const api = isVcenter ? parseVersion(vm.apiVersion ?? '') : undefined;
    const version = api !== undefined && api.length >= 2 ? `${api[0]}.${api[1]}` : undefined;
    found.push({ name: vm.server, server: vm.server, uuid: vm.uuid, version, esxi: [] });
  }
  return found;
}

/** The source a vHost row belongs to: by `VI SDK UUID`, else `VI SDK Server`, else the only one. */
function sourceOf(list: readonly Source[], uuid: string | undefined, server: string | undefined): Source | undefined {
  return list.find((s) => sameText(s.uuid, uuid))
    ?? list.find((s) => sameText(s.server, server) || sameText(s.name, server))
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
    for (const row of table.rows) {
      const host = cell(row, col.host) ?? '(unnamed host)';
      const text = cell(row, col.version);
      const version = dottedVersion(text);
      if (version === undefined) {
        warnings.row(table, row, `host ${host}: ESX version "${text ?? ''}" holds no version number: left out`);
        continue;
      }
      const source = sourceOf(list, cell(row, col.uuid), cell(row, col.server));
      if (source === undefined) {
        warnings.row(table, row, `host ${host}: no vCenter of the export matches its "${Col.SDK_SERVER}": its ESXi version is left out`);
        continue;
      }
      if (!source.esxi.includes(version)) {
        source.esxi.push(version);
      }
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
