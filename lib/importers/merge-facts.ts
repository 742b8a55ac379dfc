import { Connector, Disk, Nic, Vm } from '../plan/model/plan';

type Obj = Record<string, unknown>;

/** The plan file's field order, used for fields a merge adds (the JSON Schema's order). */
export const FIELD_ORDER: Readonly<Record<string, readonly string[]>> = {
  plan: ['$schema', 'version', 'target', 'defaults', 'acknowledge', 'connectors', 'vms', 'mgn', 'waves'],
  vm: ['name', 'wave', 'hypervisor', 'connector', 'source', 'os', 'firmware', 'generation', 'createdByP2V', 'disks', 'nics', 'guest',
    'replication', 'acknowledge', 'application', 'mgn'],
  source: ['serverId', 'vmPath', 'vmId', 'vmManagerId', 'vmUuid'],
  os: ['family', 'name', 'version', 'edition', 'installation', 'servicePack', 'architecture', 'kernel', 'customKernel', 'language', 'bootloader'],
  disk: ['name', 'sizeGiB', 'format', 'mode', 'datastore', 'partitionStyle', 'boot', 'volumes'],
  nic: ['ipv4', 'ipv6', 'addressing'],
  guest: ['antivirusEnabled', 'cdromConnected', 'remoteAccessEnabled', 'firewallAllowsRemoteAccess', 'dotNetVersion', 'pagefile', 'hotfixes', 'fstab',
    'kernelHeaders', 'pythonVersion', 'sudo', 'packages', 'tmpWritable', 'tmpExec', 'freeMemoryGiB', 'lvm', 'secureBoot', 'bootSpansDisks',
    'paravirtualization', 'diskEncryption', 'stableMac', 'drsAgentInstalled', 'wmiRunning', 'updatesCurrent', 'autoSleepEnabled', 'programFilesVolume'],
  connector: ['name', 'hypervisor', 'vcenterVersion', 'vcenterPort', 'esxiVersions', 'hypervHostOs', 'activeDirectoryVersion', 'scvmmVersion',
    'memoryGiB', 'diskGiB', 'diskProvisioning', 'egress', 'ingress'],
};

/** VM fields that only a person writes: an import never sets them on a VM the plan has. */
const PERSON_FIELDS = new Set(['name', 'wave', 'connector', 'replication', 'acknowledge']);

/** VM fields holding objects that merge field by field. */
const OBJECT_FIELDS = new Set(['source', 'os', 'guest']);

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The object with its keys ordered: when the original's keys follow the plan's field order (as a
 * written plan's do), every key goes to its place in that order; otherwise the original's order is
 * kept and new keys follow it, so that a hand-ordered file only grows at the end.
 */
export function ordered<T extends object>(value: T, originalKeys: readonly string[], order: readonly string[]): T {
  const rank = (key: string): number => {
    const i = order.indexOf(key);
    return i === -1 ? order.length : i;
  };
  const follows = originalKeys.every((key, i) => i === 0 || rank(originalKeys[i - 1]) <= rank(key));
  const keys = Object.keys(value).filter((k) => (value as Obj)[k] !== undefined);
  const sorted = follows
    ? [...keys].sort((a, b) => rank(a) - rank(b))
    : [...originalKeys.filter((k) => keys.includes(k)), ...keys.filter((k) => !originalKeys.includes(k)).sort((a, b) => rank(a) - rank(b))];
  const result: Obj = {};
  for (const key of sorted) {
    result[key] = (value as Obj)[key];
  }
  return result as T;
}

/**
 * The plan paths where two values differ (`disks[1].sizeGiB`, `source.serverId`): objects compare
 * field by field, arrays of the same length item by item, anything else as a whole.
 */
export function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (deepEqual(before, after)) {
    return [];
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((k) => changedPaths(before[k], after[k], path === '' ? k : `${path}.${k}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => changedPaths(item, after[i], `${path}[${i}]`));
  }
  return [path];
}

/**
 * True when the plan's version is a more precise form of the imported one: `7.3` of `7`, `2012 R2` of
 * `2012` (an RVTools label names the release family only). A person who wrote the precise version
 * keeps it.
 */
export function refinesVersion(planVersion: unknown, importedVersion: unknown): boolean {
  if (typeof planVersion !== 'string' || typeof importedVersion !== 'string') {
    return false;
  }
  const plan = planVersion.trim().toLowerCase();
  const imported = importedVersion.trim().toLowerCase();
  return plan.length > imported.length && plan.startsWith(imported) && /^[.\s]/.test(plan.slice(imported.length));
}

/** The facts of one item that the import's item lacks, from the plan's item it replaces. */
function carry<T extends object>(planItem: T | undefined, importedItem: T, order: readonly string[]): T {
  if (planItem === undefined) {
    return importedItem;
  }
  const merged: Obj = { ...importedItem } as Obj;
  for (const [key, value] of Object.entries(planItem)) {
    if (merged[key] === undefined && value !== undefined) {
      merged[key] = value;
    }
  }
  return ordered(merged as T, Object.keys(planItem), order);
}

/**
 * The imported disks, each keeping the facts a person added to the plan's disk of the same name
 * (partition style, boot flag, volumes...) that the import does not carry. Unnamed disks pair up by
 * position when both lists are as long.
 */
export function carryDisks(planDisks: readonly Disk[] | undefined, importedDisks: readonly Disk[]): Disk[] {
  const plan = planDisks ?? [];
  return importedDisks.map((disk, i) => {
    const named = disk.name === undefined ? [] : plan.filter((d) => d.name === disk.name);
    const match = named.length === 1 ? named[0]
      : disk.name === undefined && plan.length === importedDisks.length && plan[i].name === undefined ? plan[i] : undefined;
    return carry(match, disk, FIELD_ORDER.disk);
  });
}

/**
 * The imported NICs, each keeping the facts of the plan's NIC it replaces (one sharing an IPv4
 * address, else the one at the same position when both lists are as long).
 */
export function carryNics(planNics: readonly Nic[] | undefined, importedNics: readonly Nic[]): Nic[] {
  const plan = planNics ?? [];
  return importedNics.map((nic, i) => {
    const byAddress = plan.filter((p) => (p.ipv4 ?? []).some((ip) => (nic.ipv4 ?? []).includes(ip)));
    const match = byAddress.length === 1 ? byAddress[0] : plan.length === importedNics.length ? plan[i] : undefined;
    return carry(match, nic, FIELD_ORDER.nic);
  });
}

/**
 * VM ids compare without case: a Hyper-V VM id is a GUID, which Get-VM writes in lower case and other
 * tools may write in upper case; a vSphere MoRef is always lower case.
 */
export function sameVmId(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** A note about a fact the merge kept on purpose although the import says otherwise. */
export type Note = (message: string) => void;

/**
 * One VM of the plan refreshed with an import's facts: owned facts the import carries replace the
 * plan's (field by field in `source`, `os` and `guest`; `disks` and `nics` as a whole, keeping what a
 * person added to each disk or NIC); facts it does not own only fill gaps; fields only a person writes
 * (name, wave, connector, replication, acknowledgements) are never replaced.
 */
export function mergeVmFacts(plan: Vm, imported: Vm, owned: ReadonlySet<string>, note: Note): Vm {
  const merged: Obj = { ...plan };
  const planObj = plan as unknown as Obj;
  for (const [key, value] of Object.entries(imported)) {
    if (value === undefined || PERSON_FIELDS.has(key)) {
      continue;
    }
    const current = planObj[key];
    if (OBJECT_FIELDS.has(key) && isPlainObject(value)) {
      merged[key] = mergeObject(key, isPlainObject(current) ? current : undefined, value, owned, note, plan.name);
    } else if (current === undefined || owned.has(key)) {
      if (key === 'disks' && Array.isArray(value)) {
        merged[key] = carryDisks(plan.disks, value as Disk[]);
      } else if (key === 'nics' && Array.isArray(value)) {
        merged[key] = carryNics(plan.nics, value as Nic[]);
      } else {
        merged[key] = value;
      }
    }
  }
  if (imported.connector !== undefined && plan.connector === undefined) {
    merged.connector = imported.connector;
  }
  const result = ordered(merged, Object.keys(plan), FIELD_ORDER.vm) as unknown as Vm;
  return deepEqual(result, plan) ? plan : result;
}

function mergeObject(field: string, plan: Obj | undefined, imported: Obj, owned: ReadonlySet<string>, note: Note, vm: string): Obj {
  const merged: Obj = { ...(plan ?? {}) };
  for (const [key, value] of Object.entries(imported)) {
    const path = `${field}.${key}`;
    const current = plan?.[key];
    if (value === undefined || deepEqual(current, value) || (path === 'source.vmId' && sameVmId(current, value))) {
      continue;
    }
    if (current === undefined) {
      merged[key] = value;
    } else if (owned.has(path)) {
      if (path === 'os.version' && refinesVersion(current, value)) {
        note(`${vm}: os.version "${String(current)}" kept: it is a more precise form of the imported "${String(value)}"`);
      } else {
        merged[key] = value;
      }
    }
  }
  return ordered(merged, Object.keys(plan ?? {}), FIELD_ORDER[field] ?? []);
}

/** A plan connector refreshed with an imported one's facts, by the same rules as a VM's. */
export function mergeConnectorFacts(plan: Connector, imported: Connector, owned: ReadonlySet<string>): Connector {
  const merged: Obj = { ...plan };
  for (const [key, value] of Object.entries(imported)) {
    if (value !== undefined && key !== 'name' && ((plan as unknown as Obj)[key] === undefined || owned.has(key))) {
      merged[key] = value;
    }
  }
  const result = ordered(merged, Object.keys(plan), FIELD_ORDER.connector) as unknown as Connector;
  return deepEqual(result, plan) ? plan : result;
}
