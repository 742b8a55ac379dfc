import { JsonLocator } from '../plan/source/json-index';
import { Hypervisor, Vm, VmSource } from '../plan/model/plan';
import { readImportText } from './import-file';
import { describeJson, jsonSyntaxError } from './table';
import { ImportError, ImportIssue, ImportResult, ImportWarning } from './types';

/**
 * The hypervisor of an SMS `vmManagerType`. The model's wire values are `VSPHERE`, `SCVMM` and
 * `HYPERV-MANAGER`, but the CLI's documented output shows enum names (`vSphere`), so the value is
 * compared without case, spaces, dashes or underscores.
 */
export function hypervisorOfManagerType(value: string): Hypervisor | undefined {
  switch (value.toLowerCase().replace(/[\s_-]/g, '')) {
    case 'vsphere':
      return Hypervisor.VMWARE;
    case 'scvmm':
    case 'hypervmanager':
      return Hypervisor.HYPERV;
    default:
      return undefined;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Where one server sits in the file: its JSON path. */
interface ServerAt {
  readonly server: unknown;
  readonly path: (string | number)[];
}

/**
 * The servers of a `GetServers` output: one response (`{ serverList: [...] }`), several pages in an
 * array (`[{ serverList }, { serverList }]`), or a bare server list (`--query serverList`).
 */
function serversOf(file: string, data: unknown, warnings: ImportWarning[], line: (path: (string | number)[]) => number | undefined): ServerAt[] {
  const fromResponse = (response: Json, path: (string | number)[]): ServerAt[] => {
    const status = text(response.serverCatalogStatus);
    if (status !== undefined && status.toUpperCase().replace(/\s/g, '_') !== 'AVAILABLE') {
      warnings.push({
        file, row: line(path),
        message: `serverCatalogStatus is ${status}, not AVAILABLE: the server list may be missing or incomplete`,
      });
    }
    if (response.nextToken !== undefined && response.nextToken !== null && response.nextToken !== '') {
      warnings.push({ file, row: line(path), message: 'the response has a nextToken: more pages exist that this file does not hold' });
    }
    const list = response.serverList;
    if (list === undefined) {
      return [];
    }
    if (!Array.isArray(list)) {
      throw new ImportError([{ file, row: line([...path, 'serverList']), message: `serverList is ${describeJson(list)}, expected an array of servers` }]);
    }
    return list.map((server, index) => ({ server, path: [...path, 'serverList', index] }));
  };
  const notCatalog = (): ImportError => new ImportError([{
    file,
    message: `not an SMS GetServers output (aws sms get-servers): expected an object with "serverList", or an array of them, got ${describeJson(data)}`,
  }]);
  if (isObject(data)) {
    if (!('serverList' in data) && !('serverCatalogStatus' in data)) {
      throw notCatalog();
    }
    return fromResponse(data, []);
  }
  if (!Array.isArray(data)) {
    throw notCatalog();
  }
  if (data.every((item) => isObject(item) && ('serverId' in item || 'vmServer' in item))) {
    return data.map((server, index) => ({ server, path: [index] }));
  }
  return data.flatMap((page, index) => {
    if (!isObject(page) || !('serverList' in page || 'serverCatalogStatus' in page)) {
      throw new ImportError([{
        file, row: line([index]),
        message: `item ${index + 1} of the array is not a GetServers response (an object with "serverList"): got ${describeJson(page)}`,
      }]);
    }
    return fromResponse(page, [index]);
  });
}

/**
 * Reads the SMS server catalog as `aws sms get-servers` prints it (inventory-formats.md §8.1): one VM
 * per server, with its name (`vmName`), hypervisor (`vmManagerType`: VSPHERE is vmware, SCVMM and
 * HYPERV-MANAGER are hyperv) and where it is (`source.serverId`, `source.vmPath`, `source.vmId`, `source.vmManagerId`).
 * The catalog carries no OS, disk or network facts.
 *
 * A server without a name or a known hypervisor is skipped with a warning, and so is a server id that
 * appears twice (overlapping pages). Warning rows are the line the server starts on.
 *
 * @throws ImportError when the file cannot be read, is not JSON, or is not a GetServers output
 */
export function importSmsCatalog(file: string): ImportResult {
  const read = readImportText(file);
  const body = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
  if (body.trim() === '') {
    throw new ImportError([{ file, message: 'file is blank: expected the JSON that aws sms get-servers prints' }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw jsonSyntaxError(file, body);
  }
  const locator = new JsonLocator(body);
  const line = (path: (string | number)[]): number | undefined => locator.valuePosition(path)?.line;
  const warnings: ImportWarning[] = [...read.warnings];
  const issues: ImportIssue[] = [];
  const vms: Vm[] = [];
  const seenIds = new Set<string>();
  for (const { server, path } of serversOf(file, data, warnings, line)) {
    const row = line(path);
    if (!isObject(server)) {
      issues.push({ file, row, message: `a server is ${describeJson(server)}, expected an object with serverId and vmServer` });
      continue;
    }
    const vmServer = isObject(server.vmServer) ? server.vmServer : undefined;
    const serverId = text(server.serverId);
    const label = serverId ?? `server ${Number(path[path.length - 1]) + 1}`;
    const name = text(vmServer?.vmName);
    if (name === undefined) {
      warnings.push({ file, row, message: `${label} has no vmServer.vmName: skipped` });
      continue;
    }
    const managerType = text(vmServer?.vmManagerType);
    const hypervisor = managerType === undefined ? undefined : hypervisorOfManagerType(managerType);
    if (hypervisor === undefined) {
      const got = managerType === undefined ? 'no vmManagerType' : `vmManagerType "${managerType}"`;
      warnings.push({ file, row, message: `${name} (${label}) has ${got}, expected VSPHERE, SCVMM or HYPERV-MANAGER: skipped` });
      continue;
    }
    if (serverId !== undefined) {
      if (seenIds.has(serverId)) {
        warnings.push({ file, row, message: `${name}: server ${serverId} appears again (overlapping pages?): the repeat is skipped` });
        continue;
      }
      seenIds.add(serverId);
    }
    const address = isObject(vmServer?.vmServerAddress) ? vmServer!.vmServerAddress as Json : undefined;
    const source: VmSource = {
      ...(serverId !== undefined ? { serverId } : {}),
      ...(text(vmServer?.vmPath) !== undefined ? { vmPath: text(vmServer?.vmPath) } : {}),
      ...(text(address?.vmId) !== undefined ? { vmId: text(address?.vmId) } : {}),
      ...(text(address?.vmManagerId) !== undefined ? { vmManagerId: text(address?.vmManagerId) } : {}),
    };
    vms.push({ name, hypervisor, ...(Object.keys(source).length > 0 ? { source } : {}) });
  }
  if (issues.length > 0) {
    throw new ImportError(issues);
  }
  return { vms, connectors: [], warnings };
}
