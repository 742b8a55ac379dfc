import { Connector, Hypervisor, Plan, Vm } from '../plan/model/plan';
import { ImportSource, OWNED_CONNECTOR_FACTS, OWNED_VM_FACTS } from './import-source';
import { changedPaths, FIELD_ORDER, mergeConnectorFacts, mergeVmFacts, ordered } from './merge-facts';
import { ImportResult, ImportWarning } from './types';

/** How to merge an import into a plan. */
export interface MergeOptions {
  /** The kind of inventory imported: it decides which facts the import owns (see OWNED_VM_FACTS). */
  readonly source: ImportSource;
}

/** A VM (or connector) the merge changed, and the plan paths it changed. */
export interface FieldChanges {
  readonly name: string;
  /** Plan paths inside the VM or connector, such as `disks[1].sizeGiB` or `source.serverId`. */
  readonly fields: string[];
}

/** What a merge did, VM by VM. Every VM of the result is in exactly one of the five VM lists. */
export interface MergeSummary {
  readonly source: ImportSource;
  /** VMs the source has and the plan did not: added, without a wave. */
  readonly added: string[];
  /** VMs of both whose imported facts differ from the plan's: refreshed. */
  readonly changed: FieldChanges[];
  /** VMs of the plan the source covers but no longer has: reported, and left in the plan as they were. */
  readonly removedFromSource: string[];
  /** VMs of both whose facts already agree: left alone. */
  readonly unchanged: string[];
  /** VMs of the plan on another hypervisor or connector than the import covers: not compared, left alone. */
  readonly notCovered: string[];
  readonly connectorsAdded: string[];
  readonly connectorsChanged: FieldChanges[];
  /** Facts the merge kept although the import says otherwise (renames, more precise versions, undeclared connectors). */
  readonly notes: string[];
  /** The import's own warnings (rows skipped or partly understood). */
  readonly warnings: ImportWarning[];
}

/**
 * An import that cannot be merged: it would give two VMs one name, which a plan cannot hold. Each
 * conflict says which VMs and how to resolve it.
 *
 * TypeScript and JavaScript only: jsii cannot represent a subclass of `Error`, so the class is not in
 * the jsii assembly; from Python the error arrives as the runtime's own exception carrying the message.
 *
 * @jsii ignore
 */
export class MergeError extends Error {
  public readonly conflicts: readonly string[];

  constructor(conflicts: readonly string[]) {
    super(conflicts.join('\n'));
    this.name = 'MergeError';
    this.conflicts = conflicts;
  }
}

/** How a VM is told in messages: its name and the ids that tell it apart. */
function describe(vm: Vm): string {
  const ids = [
    vm.source?.serverId !== undefined ? `serverId ${vm.source.serverId}` : undefined,
    vm.source?.vmId !== undefined ? `vmId ${vm.source.vmId}` : undefined,
    vm.source?.vmPath !== undefined ? `vmPath ${vm.source.vmPath}` : undefined,
    vm.connector !== undefined ? `connector ${vm.connector}` : undefined,
  ].filter((s) => s !== undefined);
  return `"${vm.name}"${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`;
}

/** One way of matching: a key of a VM (absent when the VM has none), and whether a candidate also fits. */
interface Criterion {
  readonly key: (vm: Vm) => string | undefined;
  readonly fits?: (plan: Vm, imported: Vm) => boolean;
}

const same = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a === b;

/**
 * How imported VMs find their plan VM, strongest first: the SMS server id; the VM manager's id with the
 * hypervisor's VM id; the VM id alone (with the connector and VM manager when both name one: MoRefs repeat
 * across vCenters); the inventory path; the name.
 */
const CRITERIA: readonly Criterion[] = [
  { key: (vm) => vm.source?.serverId },
  {
    key: (vm) => (vm.source?.vmManagerId !== undefined && vm.source.vmId !== undefined
      ? `${vm.source.vmManagerId.toUpperCase()}|${vm.source.vmId.toLowerCase()}` : undefined),
  },
  {
    key: (vm) => vm.source?.vmId?.toLowerCase(),
    fits: (p, i) => (p.connector === undefined || i.connector === undefined || p.connector === i.connector)
      && (p.source?.vmManagerId === undefined || i.source?.vmManagerId === undefined
        || p.source.vmManagerId.toUpperCase() === i.source.vmManagerId.toUpperCase()),
  },
  { key: (vm) => vm.source?.vmPath },
  { key: (vm) => vm.name },
];

/**
 * Pairs imported VMs with plan VMs, one criterion at a time over all VMs, so that a strong match (a
 * server id) is never taken first by a weak one (a name). When a criterion fits several plan VMs, the
 * name, then the path, decides; when they cannot, the VM is left for the next criterion. Each
 * criterion indexes the plan once, so a merge of thousands of VMs stays linear.
 */
function matchVms(planVms: readonly Vm[], importedVms: readonly Vm[]): Map<number, number> {
  const match = new Map<number, number>();
  const taken = new Set<number>();
  for (const criterion of CRITERIA) {
    const index = new Map<string, number[]>();
    planVms.forEach((vm, p) => {
      const key = criterion.key(vm);
      if (key !== undefined && !taken.has(p)) {
        const list = index.get(key);
        if (list) {
          list.push(p);
        } else {
          index.set(key, [p]);
        }
      }
    });
    importedVms.forEach((imported, i) => {
      const key = criterion.key(imported);
      if (match.has(i) || key === undefined) {
        return;
      }
      let candidates = (index.get(key) ?? []).filter((p) => !taken.has(p) && (criterion.fits?.(planVms[p], imported) ?? true));
      if (candidates.length > 1) {
        const byName = candidates.filter((p) => planVms[p].name === imported.name);
        candidates = byName.length > 0 ? byName : candidates.filter((p) => same(planVms[p].source?.vmPath, imported.source?.vmPath));
      }
      if (candidates.length === 1) {
        match.set(i, candidates[0]);
        taken.add(candidates[0]);
      }
    });
  }
  return match;
}

/**
 * Merges an import into a plan (or makes a new plan of it), refreshing the facts the import owns and
 * keeping everything a person wrote: waves, replication settings, acknowledgements, connectors, and
 * every fact the import does not carry.
 *
 * Imported VMs are matched to the plan's by `source.serverId`, then `source.vmManagerId` with `source.vmId`, then `source.vmId` (and connector,
 * when both name one), then `source.vmPath`, then name. A matched VM keeps its plan name. A VM of the
 * plan that the import covers (same hypervisor, and same connector when both name one) but no longer
 * has is reported as removed from the source and left as it is: deleting it is a person's decision.
 * New VMs are added at the end, without a wave. Imported connectors are merged by name.
 *
 * The inputs are not changed; an unchanged VM is the same object in the result.
 *
 * @throws MergeError when the result would hold two VMs of one name
 */
export function mergeIntoPlan(plan: Plan | undefined, imported: ImportResult, options: MergeOptions): { plan: Plan; summary: MergeSummary } {
  const ownedVm = new Set(OWNED_VM_FACTS[options.source]);
  const ownedConnector = new Set(OWNED_CONNECTOR_FACTS[options.source]);
  const notes: string[] = [];
  const note = (message: string): void => {
    notes.push(message);
  };

  // Connectors first: a VM may only name a declared one.
  const planConnectors = plan?.connectors ?? [];
  const connectors: Connector[] = [...planConnectors];
  const connectorsAdded: string[] = [];
  const connectorsChanged: FieldChanges[] = [];
  for (const connector of imported.connectors) {
    const at = connectors.findIndex((c) => c.name === connector.name);
    if (at === -1) {
      connectors.push(connector);
      connectorsAdded.push(connector.name);
      continue;
    }
    const merged = mergeConnectorFacts(connectors[at], connector, ownedConnector);
    const fields = changedPaths(connectors[at], merged);
    if (fields.length > 0) {
      connectorsChanged.push({ name: connector.name, fields });
      connectors[at] = merged;
    }
  }
  const declared = new Set(connectors.map((c) => c.name));

  const planVms = plan?.vms ?? [];
  const match = matchVms(planVms, imported.vms);
  const byPlanIndex = new Map([...match].map(([i, p]) => [p, i]));
  const vms: Vm[] = [];
  const changed: FieldChanges[] = [];
  const unchanged: string[] = [];
  planVms.forEach((planVm, p) => {
    const i = byPlanIndex.get(p);
    if (i === undefined) {
      vms.push(planVm);
      return;
    }
    const importedVm = planVm.connector === undefined ? withDeclaredConnector(imported.vms[i], declared, note) : imported.vms[i];
    if (importedVm.name !== planVm.name) {
      note(`${planVm.name}: the source names it "${importedVm.name}"; the plan keeps "${planVm.name}" (rename it by hand if wanted)`);
    }
    const merged = mergeVmFacts(planVm, importedVm, ownedVm, note);
    const fields = changedPaths(planVm, merged);
    if (fields.length > 0) {
      changed.push({ name: planVm.name, fields });
    } else {
      unchanged.push(planVm.name);
    }
    vms.push(merged);
  });

  const conflicts: string[] = [];
  const byName = new Map(vms.map((vm) => [vm.name, vm]));
  const added: string[] = [];
  imported.vms.forEach((vm, i) => {
    if (match.has(i)) {
      return;
    }
    const other = byName.get(vm.name);
    if (other !== undefined) {
      const whose = planVms.includes(other) ? 'the plan already has a VM of that name' : 'the import has another VM of that name';
      conflicts.push(`VM ${describe(vm)} matches no VM of the plan, but ${whose}, ${describe(other)}: VM names must be unique in a plan; `
        + 'rename one in the plan, or give the plan\'s VM the source.serverId or source.vmId that tells it apart');
      return;
    }
    const newVm = withDeclaredConnector(ordered(vm, [], FIELD_ORDER.vm), declared, note);
    vms.push(newVm);
    byName.set(vm.name, newVm);
    added.push(vm.name);
  });
  if (conflicts.length > 0) {
    throw new MergeError(conflicts);
  }

  const covered = coveredBy(imported);
  const removedFromSource: string[] = [];
  const notCovered: string[] = [];
  planVms.forEach((vm, p) => {
    if (!byPlanIndex.has(p)) {
      (covered(vm) ? removedFromSource : notCovered).push(vm.name);
    }
  });

  const result: Plan = ordered({
    ...(plan ?? { version: 1 }),
    ...(connectors.length > 0 ? { connectors } : {}),
    vms,
  }, Object.keys(plan ?? { version: 1 }), FIELD_ORDER.plan);
  return {
    plan: result,
    summary: {
      source: options.source,
      added, changed, removedFromSource, unchanged, notCovered,
      connectorsAdded, connectorsChanged, notes, warnings: [...imported.warnings],
    },
  };
}

/** The imported VM without a connector name the merged plan does not declare (a plan must declare what VMs name). */
function withDeclaredConnector(vm: Vm, declared: ReadonlySet<string>, note: (message: string) => void): Vm {
  if (vm.connector === undefined || declared.has(vm.connector)) {
    return vm;
  }
  note(`${vm.name}: connector "${vm.connector}" is not declared in the plan or the import: not set`);
  return Object.fromEntries(Object.entries(vm).filter(([key]) => key !== 'connector')) as unknown as Vm;
}

/**
 * Whether the import speaks for a plan VM it did not find: the VM runs on a hypervisor the import
 * covers, and, when both the VM and the import name connectors, on one of the import's connectors.
 */
function coveredBy(imported: ImportResult): (vm: Vm) => boolean {
  const hypervisors = new Set<Hypervisor>(imported.vms.map((vm) => vm.hypervisor));
  const connectors = new Set(imported.vms.map((vm) => vm.connector).filter((c): c is string => c !== undefined));
  return (vm) => hypervisors.has(vm.hypervisor) && (vm.connector === undefined || connectors.size === 0 || connectors.has(vm.connector));
}
