import { IdFactory } from './ids';
import { Rng, intBetween, pick } from './prng';
import { ConnectorRecord, ManagerRecord, ServerRecord } from './records';
import { OsFamily, ServerSpec, VmManagerSpec } from './types';

/**
 * The seeded server catalog: VM managers (vCenters, a Hyper-V host, an SCVMM), one connector each, and
 * their VMs with realistic names, paths and ids. The same seed always gives the same catalog.
 */

/** Three vCenters, one Hyper-V host and one SCVMM: 112 VMs, so GetServers needs three default pages. */
export const DEFAULT_VM_MANAGERS: VmManagerSpec[] = [
  { name: 'vcenter-east.corp.example', type: 'VSPHERE', vmCount: 40 },
  { name: 'vcenter-west.corp.example', type: 'VSPHERE', vmCount: 35 },
  { name: 'vcenter-lab.corp.example', type: 'VSPHERE', vmCount: 12, folders: ['Lab', 'Templates'] },
  { name: 'hyperv-01.corp.example', type: 'HYPERV-MANAGER', vmCount: 10 },
  { name: 'scvmm-01.corp.example', type: 'SCVMM', vmCount: 15, folders: ['Cluster01', 'Cluster02'] },
];

const DEFAULT_FOLDERS = ['Production', 'Staging', 'Development', 'Infrastructure'];

/** VM roles and the OS family each usually runs. */
const ROLES: ReadonlyArray<readonly [string, OsFamily]> = [
  ['web', 'LINUX'], ['app', 'LINUX'], ['db', 'LINUX'], ['cache', 'LINUX'], ['proxy', 'LINUX'],
  ['build', 'LINUX'], ['git', 'LINUX'], ['monitor', 'LINUX'], ['dc', 'WINDOWS_SERVER'],
  ['sql', 'WINDOWS_SERVER'], ['iis', 'WINDOWS_SERVER'], ['file', 'WINDOWS_SERVER'],
  ['print', 'WINDOWS_SERVER'], ['erp', 'WINDOWS_SERVER'], ['vdi', 'WINDOWS_CLIENT'],
];

const OS_FAMILIES: readonly OsFamily[] = ['LINUX', 'WINDOWS_SERVER', 'WINDOWS_CLIENT'];

/** The seeded universe: every VM the managers know, and the connectors. */
export interface SeededCatalog {
  readonly managers: ManagerRecord[];
  readonly servers: ServerRecord[];
  readonly connectors: ConnectorRecord[];
}

/** Counter shared by every record that needs a paging order. */
export type NextSeq = () => number;

/** Builds managers, connectors and VMs from the specs. */
export function seedCatalog(rng: Rng, ids: IdFactory, nextSeq: NextSeq, specs: readonly VmManagerSpec[], now: number): SeededCatalog {
  const managers: ManagerRecord[] = [];
  const servers: ServerRecord[] = [];
  const connectors: ConnectorRecord[] = [];
  for (const spec of specs) {
    const manager: ManagerRecord = {
      name: spec.name,
      type: spec.type,
      vmManagerId: spec.vmManagerId ?? ids.uuid(),
      folders: spec.folders ?? DEFAULT_FOLDERS,
      site: spec.name.split('.')[0].replace(/^(vcenter|hyperv|scvmm)-?/, '') || spec.name,
    };
    managers.push(manager);
    connectors.push(seedConnector(rng, ids, nextSeq(), manager, now));
    const perRole = new Map<string, number>();
    for (let i = 0; i < spec.vmCount; i++) {
      const [role, usualOs] = pick(rng, ROLES);
      const n = (perRole.get(role) ?? 0) + 1;
      perRole.set(role, n);
      servers.push(buildServer(rng, ids, nextSeq(), manager, {
        vmName: `${role}-${String(n).padStart(2, '0')}`,
        osFamily: rng() < 0.85 ? usualOs : pick(rng, OS_FAMILIES),
        // About 1 VM in 30 has more volumes than SMS can replicate (22).
        volumeCount: rng() < 0.035 ? intBetween(rng, 23, 26) : intBetween(rng, 1, 4),
      }));
    }
  }
  return { managers, servers, connectors };
}

/** Builds one VM on `manager`. */
export function buildServer(rng: Rng, ids: IdFactory, seq: number, manager: ManagerRecord, spec: ServerSpec): ServerRecord {
  const folder = pick(rng, manager.folders);
  return {
    seq,
    serverId: ids.serverId(),
    osFamily: spec.osFamily ?? 'LINUX',
    volumeCount: spec.volumeCount ?? 1,
    vmServer: {
      vmServerAddress: {
        vmManagerId: manager.vmManagerId,
        vmId: spec.vmId ?? (manager.type === 'VSPHERE' ? `vm-${intBetween(rng, 100, 99999)}` : ids.uuid()),
      },
      vmName: spec.vmName,
      vmManagerName: manager.name,
      vmManagerType: manager.type,
      vmPath: spec.vmPath ?? vmPath(manager, folder, spec.vmName),
    },
  };
}

function vmPath(manager: ManagerRecord, folder: string, vmName: string): string {
  switch (manager.type) {
    case 'VSPHERE':
      // As the real catalog writes it (sms-api.md): /Datacenters/<datacenter>/vm/<folders>/<VM name>.
      return `/Datacenters/${manager.site}-dc/vm/${folder}/${vmName}`;
    case 'SCVMM':
      return `All Hosts/${folder}/${vmName}`;
    default:
      return `C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\Virtual Machines\\${vmName}`;
  }
}

function seedConnector(rng: Rng, ids: IdFactory, seq: number, manager: ManagerRecord, now: number): ConnectorRecord {
  const octet = () => intBetween(rng, 0, 255).toString(16).padStart(2, '0');
  const oui = manager.type === 'VSPHERE' ? '00:50:56' : '00:15:5d';
  const capabilities: Record<string, string[]> = {
    'VSPHERE': ['VSPHERE', 'SNAPSHOT_BATCHING', 'SMS_OPTIMIZED'],
    'SCVMM': ['SCVMM', 'HYPERV-MANAGER', 'SNAPSHOT_BATCHING'],
    'HYPERV-MANAGER': ['HYPERV-MANAGER', 'SNAPSHOT_BATCHING'],
  };
  return {
    seq,
    connectorId: ids.connectorId(),
    version: `1.${intBetween(rng, 10, 13)}.${intBetween(rng, 0, 9)}.${intBetween(rng, 10, 300)}`,
    status: 'HEALTHY',
    capabilityList: capabilities[manager.type],
    vmManagerName: manager.name,
    vmManagerType: manager.type,
    vmManagerId: manager.vmManagerId,
    ipAddress: `10.${intBetween(rng, 0, 255)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 2, 254)}`,
    macAddress: `${oui}:${octet()}:${octet()}:${octet()}`,
    associatedOn: now - 30 * 24 * 3600 * 1000,
  };
}
