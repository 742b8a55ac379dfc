import type { LaunchConfiguration, ReplicationConfiguration, SourceServer } from '@aws-sdk/client-mgn';
import { DesiredServer } from '../mgn/handler/desired';
import { MatchLevel, ServerIndex } from '../mgn/handler/match';
import { SettingDifference, settingsDifferences } from '../mgn/handler/settings-diff';
import { environmentResolver } from '../plan/model/environments';
import { Plan, Vm } from '../plan/model/plan';
import { padEndDisplay, displayWidth } from '../private/display-width';
import { escapeJsonControls, visibleControls } from '../private/visible-controls';

/**
 * `cdk-sms status`: where each plan VM is in MGN, read-only. Each VM is matched to a source server as
 * the deploy path matches it (`ServerIndex`), and the server's replication and launch configurations
 * are compared with what the plan wants (`settingsDifferences`). MGN is reached through `MgnReader`,
 * so that this module holds no SDK client.
 */

/** The MGN calls the status makes; each rejects with the SDK's error. */
export interface MgnReader {
  /** One page of DescribeSourceServers, archived servers included. */
  describeSourceServers(nextToken: string | undefined): Promise<{ items?: SourceServer[]; nextToken?: string }>;
  getReplicationConfiguration(sourceServerID: string): Promise<ReplicationConfiguration>;
  getLaunchConfiguration(sourceServerID: string): Promise<LaunchConfiguration>;
}

/** A call to MGN that failed: the message names the call and MGN's error, on one line. */
export class MgnCallError extends Error {
  constructor(public readonly call: string, cause: unknown) {
    super(`${call} failed: ${describeError(cause)}`);
    this.name = 'MgnCallError';
  }
}

function describeError(cause: unknown): string {
  if (cause instanceof Error) {
    const name = cause.name !== '' && cause.name !== 'Error' ? `${cause.name}: ` : '';
    return visibleControls(`${name}${cause.message}`.replace(/\s*[\r\n]+\s*/g, ' ').trim());
  }
  return visibleControls(String(cause));
}

/** How a VM stands in MGN. */
export enum VmServerStatus {
  /** One server matches. */
  FOUND = 'found',
  /** No server matches (not imported, registered or discovered yet). */
  NOT_FOUND = 'not-found',
  /** Several servers match at the deciding identity: `candidates` lists them. */
  AMBIGUOUS = 'ambiguous',
  /** Only an archived server matches. */
  ARCHIVED = 'archived',
}

/** Whether the server's settings are what the plan wants. */
export enum SettingsStatus {
  MATCH = 'match',
  DIFFER = 'differ',
  /** No server, an archived one, or no desired settings to compare with. */
  NOT_COMPARED = 'not-compared',
}

/** One VM's line of the status. */
export interface VmStatus {
  readonly vm: string;
  readonly status: VmServerStatus;
  /** The server's id; null when none is found (or several are). */
  readonly sourceServerId: string | null;
  /** The identity that decided the match. */
  readonly matchedBy: MatchLevel | null;
  /** The ids of the servers of an ambiguous match. */
  readonly candidates: string[];
  /** `lifeCycle.state`, such as `READY_FOR_TEST`. */
  readonly lifecycleState: string | null;
  /** `dataReplicationInfo.dataReplicationState`, such as `CONTINUOUS`. */
  readonly replicationState: string | null;
  /** `dataReplicationInfo.lagDuration`, an ISO-8601 duration such as `PT5S`. */
  readonly lag: string | null;
  readonly settings: SettingsStatus;
  /** The members that differ, when `settings` is `differ`. */
  readonly differences: SettingDifference[];
}

/** The whole status: the JSON `--format json` prints. */
export interface StatusReport {
  /** The plan file. */
  readonly plan: string;
  /** The Region read. */
  readonly region: string;
  /** How many servers MGN listed, archived ones included. */
  readonly serversListed: number;
  /** One entry per plan VM that migrates into the Region read, in plan order. */
  readonly vms: VmStatus[];
  /**
   * The plan's VMs that migrate into another Region (their own `region`, or their wave's), not looked
   * for here: read them with `--region`, in plan order.
   */
  readonly otherRegions: Array<{ readonly vm: string; readonly region: string }>;
}

/** What the plan wants of a VM's server; undefined when nothing is compared. */
export type DesiredServerOf = (vm: Vm) => DesiredServer | undefined;

/** Every server, every page. */
async function listServers(reader: MgnReader): Promise<SourceServer[]> {
  const servers: SourceServer[] = [];
  let token: string | undefined;
  do {
    let page: { items?: SourceServer[]; nextToken?: string };
    try {
      page = await reader.describeSourceServers(token);
    } catch (e) {
      throw new MgnCallError('DescribeSourceServers', e);
    }
    servers.push(...page.items ?? []);
    token = page.nextToken === '' ? undefined : page.nextToken;
  } while (token !== undefined);
  return servers;
}

/** Reads the status of every VM of a plan. Rejects with `MgnCallError` when a call fails. */
export async function readStatus(plan: Plan, file: string, region: string, reader: MgnReader, desiredOf: DesiredServerOf): Promise<StatusReport> {
  const servers = await listServers(reader);
  const live = new ServerIndex(servers);
  // Archived servers, matched only when no live one is: flagged, never compared.
  const archived = new ServerIndex(servers.filter((s) => s.isArchived === true).map((s) => ({ ...s, isArchived: false })));
  const vms: VmStatus[] = [];
  const otherRegions: Array<{ vm: string; region: string }> = [];
  // A VM's Region: its own, else its wave's, else the plan's; one that names none is looked for here.
  const environmentOf = environmentResolver(plan.waves, { region: plan.mgn?.region });
  for (const vm of plan.vms) {
    const vmRegion = environmentOf(vm).region;
    if (vmRegion !== undefined && vmRegion !== region) {
      otherRegions.push({ vm: vm.name, region: vmRegion });
      continue;
    }
    vms.push(await vmStatus(vm, live, archived, reader, desiredOf));
  }
  return { plan: file, region, serversListed: servers.length, vms, otherRegions };
}

async function vmStatus(vm: Vm, live: ServerIndex, archived: ServerIndex, reader: MgnReader, desiredOf: DesiredServerOf): Promise<VmStatus> {
  // The plan records no guest host name: VMs are matched by tag, user-provided id, UUID and path.
  const identity = { vmName: vm.name, vmUuid: vm.source?.vmUuid, vmPath: vm.source?.vmPath };
  let match = live.match(identity);
  let status = VmServerStatus.FOUND;
  if (match.outcome === 'none') {
    const old = archived.match(identity);
    if (old.outcome !== 'none') {
      match = old;
      status = VmServerStatus.ARCHIVED;
    }
  }
  const blank = { candidates: [], lifecycleState: null, replicationState: null, lag: null, settings: SettingsStatus.NOT_COMPARED, differences: [] };
  if (match.outcome === 'none') {
    return { vm: vm.name, status: VmServerStatus.NOT_FOUND, sourceServerId: null, matchedBy: null, ...blank };
  }
  if (match.outcome === 'ambiguous') {
    return {
      vm: vm.name, status: VmServerStatus.AMBIGUOUS, sourceServerId: null, matchedBy: match.by ?? null, ...blank, candidates: [...match.candidates],
    };
  }
  const server = match.server!;
  const id = server.sourceServerID!;
  const found = {
    vm: vm.name,
    status,
    sourceServerId: id,
    matchedBy: match.by ?? null,
    candidates: [],
    lifecycleState: server.lifeCycle?.state ?? null,
    replicationState: server.dataReplicationInfo?.dataReplicationState ?? null,
    lag: server.dataReplicationInfo?.lagDuration ?? null,
  };
  const desired = status === VmServerStatus.FOUND ? desiredOf(vm) : undefined;
  if (desired === undefined) {
    return { ...found, settings: SettingsStatus.NOT_COMPARED, differences: [] };
  }
  const replication = await call('GetReplicationConfiguration', () => reader.getReplicationConfiguration(id));
  const launch = await call('GetLaunchConfiguration', () => reader.getLaunchConfiguration(id));
  const differences = settingsDifferences({ replication, launch }, desired);
  return { ...found, settings: differences.length === 0 ? SettingsStatus.MATCH : SettingsStatus.DIFFER, differences };
}

async function call<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new MgnCallError(name, e);
  }
}

/** The report as JSON, with a final newline. */
export function renderStatusJson(report: StatusReport): string {
  return `${escapeJsonControls(JSON.stringify(report, undefined, 2))}\n`;
}

const HEADERS = ['VM', 'SERVER', 'LIFECYCLE', 'REPLICATION', 'LAG', 'SETTINGS'] as const;

/** The report as a table: one line per VM, then a line per ambiguous match naming its candidates. */
export function renderStatusTable(report: StatusReport): string {
  const rows = report.vms.map((v) => [
    visibleControls(v.vm),
    v.sourceServerId === null ? (v.status === VmServerStatus.AMBIGUOUS ? 'ambiguous' : 'not found')
      : v.status === VmServerStatus.ARCHIVED ? `${v.sourceServerId} (archived)` : v.sourceServerId,
    v.lifecycleState ?? '-',
    v.replicationState ?? '-',
    v.lag ?? '-',
    settingsText(v),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : padEndDisplay(c, widths[i]))).join('  ').trimEnd();
  const lines = [line(HEADERS), ...rows.map(line)];
  for (const v of report.vms.filter((x) => x.status === VmServerStatus.AMBIGUOUS)) {
    lines.push(`${visibleControls(v.vm)}: ${v.candidates.length} servers match by ${v.matchedBy}: ${v.candidates.join(', ')}`);
  }
  const found = report.vms.filter((v) => v.sourceServerId !== null && v.status === VmServerStatus.FOUND).length;
  lines.push('', `${found} of ${report.vms.length} VMs found among ${report.serversListed} source servers in ${report.region}`);
  if (report.otherRegions.length > 0) {
    const regions = [...new Set(report.otherRegions.map((o) => o.region))].join(', ');
    lines.push(`${report.otherRegions.length} VM${report.otherRegions.length === 1 ? '' : 's'} of the plan migrate into other Regions `
      + `(${regions}), not read here: run again with --region`);
  }
  return `${lines.join('\n')}\n`;
}

function settingsText(v: VmStatus): string {
  switch (v.settings) {
    case SettingsStatus.MATCH: return 'match';
    case SettingsStatus.DIFFER: return `differ: ${v.differences.map((d) => `${d.section}.${d.member}`).join(', ')}`;
    default: return '-';
  }
}
