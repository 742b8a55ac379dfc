import { Vm } from '../../../plan/model/plan';
import { MGN_LAUNCH_JOBS_AT_ONCE, MGN_SERVERS_PER_LAUNCH_JOB } from '../../../private/mgn-limits';
import { namesWave } from '../../../plan/model/waves';
import { MgnPlanScope } from './plan-scope';

/**
 * MGN's quotas per account and Region that the plan is counted against (MGN-QUOTA2 to MGN-QUOTA5); the
 * quota of actively replicating servers (MGN-QUOTA1) is the pack's `jobQuota`, MGN_ACTIVE_SERVER_QUOTA
 * by default.
 */
export const MgnQuotas = Object.freeze({
  /** Source servers not archived (adjustable). */
  SOURCE_SERVERS_NOT_ARCHIVED: 4_000,
  /** Source servers in one application. */
  SERVERS_PER_APPLICATION: 200,
  /** Applications in one wave. */
  APPLICATIONS_PER_WAVE: 1_000,
  /** Applications not archived. */
  APPLICATIONS: 200,
  /** Waves not archived. */
  WAVES: 200,
  /** Source servers in all. */
  SOURCE_SERVERS: 50_000,
  /** Source servers in one launch job, and in all running launch jobs. */
  SERVERS_PER_LAUNCH_JOB: MGN_SERVERS_PER_LAUNCH_JOB,
  /** Launch jobs running at once. */
  LAUNCH_JOBS_AT_ONCE: MGN_LAUNCH_JOBS_AT_ONCE,
});

/** The day on which a VM stands furthest down the list of servers replicating at once (MGN-QUOTA1). */
export interface BusiestDay {
  /** The day, `YYYY-MM-DD`. */
  readonly day: string;
  /** How many servers replicate on that day. */
  readonly count: number;
  /** The VM's 1-based position among them, in plan order: its highest on any day. */
  readonly rank: number;
}

/** Where one counted VM stands in the plan's counts. */
export interface CountedVm {
  /** 1-based position among the plan's counted VMs, in plan order. */
  readonly position: number;
  /** Its application. */
  readonly application: string;
  /** 1-based position among the counted VMs of its application. */
  readonly positionInApplication: number;
  /** 1-based position of its application among the plan's applications, by first appearance. */
  readonly applicationOrdinal: number;
  /** Its wave's name; undefined in a plan in which no VM names a wave (one wave). */
  readonly wave?: string;
  /** 1-based position of its wave among the plan's waves, by first appearance; undefined without a wave name. */
  readonly waveOrdinal?: number;
  /** 1-based position of its application among the applications of its wave, by first appearance. */
  readonly applicationOrdinalInWave: number;
  /** The day it stands furthest down the servers replicating at once; undefined when it replicates on no day judged. */
  readonly busiestDay?: BusiestDay;
}

/**
 * The cross-VM facts of the quota rules (MGN-QUOTA1 to MGN-QUOTA5), counted once per plan in plan
 * order. Only the VMs the plan deploys are counted: an unscheduled VM (no wave in a plan that uses
 * waves) has no entry.
 */
export interface MgnQuotaFacts {
  /** By VM name, the VMs counted. */
  readonly counted: ReadonlyMap<string, CountedVm>;
  /** How many VMs each application has, by application name. */
  readonly applicationSize: ReadonlyMap<string, number>;
  /** How many VMs each wave has, by wave name ('' for the one wave of a plan in which no VM names a wave). */
  readonly waveSize: ReadonlyMap<string, number>;
  /**
   * Source servers the vCenter Clients (connectors serving agentless VMs) discover outside the plan:
   * each client's `inventoryVmCount` less the plan's counted VMs on it, at least 0, summed over the
   * clients that declare it.
   */
  readonly discoveredOutside: number;
  /** vCenter Clients whose `inventoryVmCount` is missing (or that are not declared), in plan order. */
  readonly clientsWithoutCount: readonly string[];
}

/**
 * Counts the plan's VMs against MGN's quotas, in plan order.
 *
 * A VM replicates from its wave's `replicationStart` (else the assessment date) to its `cutoverDate`
 * inclusive (else for good); a wave that starts after its cutover replicates on its start day only.
 * Days before the assessment date are history and are not judged. The servers replicating on any day
 * are among those replicating on the latest day judged before it on which a wave starts (or the
 * assessment date), so only those days are counted: days times VMs at worst.
 *
 * @param agentlessConnectors the connectors serving agentless VMs: the vCenter Clients
 */
export function quotaFacts(vms: readonly Vm[], scope: MgnPlanScope, agentlessConnectors: ReadonlySet<string>): MgnQuotaFacts {
  const today = scope.assessmentDate;
  const entries = new Map<string, Mutable<CountedVm>>();
  const inOrder: Mutable<CountedVm>[] = [];
  const applicationSize = new Map<string, number>();
  const waveSize = new Map<string, number>();
  const applicationOrdinal = new Map<string, number>();
  const waveOrdinal = new Map<string, number>();
  const waveApplications = new Map<string, Map<string, number>>();
  const onConnector = new Map<string, number>();
  const starts: string[] = [];
  const ends: (string | undefined)[] = [];
  for (const vm of vms) {
    if (scope.unscheduled.has(vm)) {
      continue;
    }
    const { application, wave: named } = scope.settings(vm);
    const wave = namesWave(named) ? named : undefined;
    const waveKey = wave ?? '';
    const inApplication = (applicationSize.get(application) ?? 0) + 1;
    applicationSize.set(application, inApplication);
    waveSize.set(waveKey, (waveSize.get(waveKey) ?? 0) + 1);
    const appOrdinal = ordinal(applicationOrdinal, application);
    let apps = waveApplications.get(waveKey);
    if (apps === undefined) {
      apps = new Map();
      waveApplications.set(waveKey, apps);
    }
    if (vm.connector !== undefined) {
      onConnector.set(vm.connector, (onConnector.get(vm.connector) ?? 0) + 1);
    }
    // Every entry has every field (undefined when it does not apply): one object shape for 50,000 VMs.
    const entry: Mutable<CountedVm> = {
      position: inOrder.length + 1,
      application,
      positionInApplication: inApplication,
      applicationOrdinal: appOrdinal,
      wave,
      waveOrdinal: wave !== undefined ? ordinal(waveOrdinal, wave) : undefined,
      applicationOrdinalInWave: ordinal(apps, application),
      busiestDay: undefined,
    };
    inOrder.push(entry);
    entries.set(vm.name, entry);
    const dates = wave !== undefined ? scope.waves.get(wave) : undefined;
    const start = dates?.replicationStart ?? today;
    const cutover = dates?.cutoverDate;
    starts.push(start);
    ends.push(cutover === undefined ? undefined : cutover < start ? start : cutover);
  }
  const busiest = busiestDays(starts, ends, today);
  inOrder.forEach((entry, i) => {
    entry.busiestDay = busiest[i];
  });
  const { discoveredOutside, clientsWithoutCount } = discovered(scope, agentlessConnectors, onConnector);
  return { counted: entries, applicationSize, waveSize, discoveredOutside, clientsWithoutCount };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The 1-based position of a name among those seen, by first appearance, adding it when new. */
function ordinal(seen: Map<string, number>, name: string): number {
  let n = seen.get(name);
  if (n === undefined) {
    n = seen.size + 1;
    seen.set(name, n);
  }
  return n;
}

/**
 * For each counted VM (replicating from `starts[i]` to `ends[i]` inclusive, `undefined` = for good), the
 * judged day on which its position among the servers replicating is highest (the first such day).
 */
function busiestDays(starts: readonly string[], ends: readonly (string | undefined)[], today: string): (BusiestDay | undefined)[] {
  const days = [...new Set([today, ...starts.filter((s) => s > today)])].sort();
  // Days as their indexes among the judged days: the inner loop, days times VMs, compares numbers.
  // A VM starting before the assessment date starts on it (index 0) as far as the judged days go.
  const index = new Map(days.map((day, d) => [day, d] as const));
  const first = new Int32Array(starts.length);
  const last = new Int32Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    first[i] = index.get(starts[i]) ?? 0;
    last[i] = lastJudged(days, ends[i]);
  }
  const rank = new Int32Array(starts.length);
  const dayOf = new Int32Array(starts.length);
  const counts: number[] = [];
  for (let d = 0; d < days.length; d++) {
    let active = 0;
    for (let i = 0; i < starts.length; i++) {
      if (first[i] <= d && d <= last[i]) {
        active++;
        if (active > rank[i]) {
          rank[i] = active;
          dayOf[i] = d;
        }
      }
    }
    counts.push(active);
  }
  const result: (BusiestDay | undefined)[] = new Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    result[i] = rank[i] === 0 ? undefined : { day: days[dayOf[i]], count: counts[dayOf[i]], rank: rank[i] };
  }
  return result;
}

/** The index of the last judged day on or before `end` (-1 when none; the last day when `end` is undefined). */
function lastJudged(days: readonly string[], end: string | undefined): number {
  if (end === undefined) {
    return days.length - 1;
  }
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= end) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * What the vCenter Clients discover beyond the plan: each declares how many VMs it discovers, of which
 * the plan's counted VMs on it are counted in plan order. An unscheduled VM on a client is still
 * discovered, so it stays in the client's share.
 */
function discovered(scope: MgnPlanScope, clients: ReadonlySet<string>, onConnector: ReadonlyMap<string, number>) {
  let discoveredOutside = 0;
  const clientsWithoutCount: string[] = [];
  for (const name of clients) {
    const count = scope.connectors.get(name)?.inventoryVmCount;
    if (typeof count !== 'number' || !Number.isFinite(count)) {
      clientsWithoutCount.push(name);
    } else {
      discoveredOutside += Math.max(0, count - (onConnector.get(name) ?? 0));
    }
  }
  return { discoveredOutside, clientsWithoutCount };
}
