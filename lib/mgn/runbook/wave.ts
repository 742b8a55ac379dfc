import {
  Application, DescribeSourceServersCommand, ListApplicationsCommand, ListWavesCommand, SourceServer, Wave,
} from '@aws-sdk/client-mgn';
import { VM_TAG } from '../handler/api';
import { RunbookContext } from './context';
import { RunbookError } from './errors';

/**
 * A wave as the runbook sees it: found by name (ListWaves), its applications (ListApplications with the wave),
 * their servers (DescribeSourceServers by application ids). Archived applications and servers are included:
 * the later steps judge by them whether their work is done.
 */

/** One source server of the wave. */
export interface RunbookServer {
  readonly id: string;
  /** See `ServerProgress.vmName`. */
  readonly vmName: string;
  readonly state: string;
  readonly replicationState?: string;
  readonly isArchived: boolean;
  /** The job of its last test launch (`lifeCycle.lastTest.initiated.jobID`). */
  readonly lastTestJobId?: string;
  /** The job of its last cutover launch. */
  readonly lastCutoverJobId?: string;
}

/** The wave and what is in it. */
export interface RunbookWave {
  readonly id: string;
  readonly name: string;
  readonly isArchived: boolean;
  readonly applications: ReadonlyArray<{ readonly id: string; readonly isArchived: boolean }>;
  /** Sorted by VM name. */
  readonly servers: readonly RunbookServer[];
}

/** Ids per DescribeSourceServers filter (mgn-api.md §9). */
const IDS_PER_FILTER = 200;
/** The largest page MGN serves. */
const PAGE_SIZE = 1000;

/** How messages name a wave. */
export function waveLabel(name: string): string {
  return `wave "${name}"`;
}

/** How messages name a server: `VM "web-01" (source server s-1234...)`. */
export function serverLabel(server: { readonly vmName: string; readonly id: string }): string {
  return `VM "${server.vmName}" (source server ${server.id})`;
}

/** Every page of a listing, `call` reading the page after `nextToken`. */
async function allPages<T>(call: (nextToken: string | undefined) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await call(token);
    items.push(...page.items ?? []);
    token = page.nextToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) {
        throw new RunbookError('mgn', `MGN returned the page token "${token}" twice while listing; run the step again later`);
      }
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}

/**
 * The wave named `name` (case-insensitive) and its servers. A wave that is not archived is preferred; an
 * archived one is taken only with `archivedOk` (the finalize and archive steps, run again after they
 * completed), the one changed last when there are several.
 */
export async function readWave(ctx: RunbookContext, name: string, options: { archivedOk?: boolean } = {}): Promise<RunbookWave> {
  const what = waveLabel(name);
  const waves = await allPages<Wave>((nextToken) => ctx.call('ListWaves', what,
    (c) => c.send(new ListWavesCommand({ maxResults: PAGE_SIZE, nextToken }))));
  const named = waves.filter((w) => (w.name ?? '').toLowerCase() === name.toLowerCase());
  const live = named.find((w) => w.isArchived !== true);
  const archived = named.filter((w) => w.isArchived === true)
    .sort((a, b) => (b.lastModifiedDateTime ?? '').localeCompare(a.lastModifiedDateTime ?? ''))[0];
  const wave = live ?? (options.archivedOk === true ? archived : undefined);
  if (wave === undefined) {
    if (archived !== undefined) {
      throw new RunbookError('input', `${what} is archived in MGN: its migration is over`);
    }
    const names = waves.filter((w) => w.isArchived !== true).map((w) => `"${w.name}"`).sort();
    throw new RunbookError('input', `no ${what} in MGN (in this account and Region)`
      + (names.length > 0 ? `; its waves are ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}` : '; it has no wave'));
  }
  const waveID = wave.waveID as string;
  const applications = await allPages<Application>((nextToken) => ctx.call('ListApplications', what,
    (c) => c.send(new ListApplicationsCommand({ filters: { waveIDs: [waveID] }, maxResults: PAGE_SIZE, nextToken }))));
  const appIds = applications.map((a) => a.applicationID as string);
  const servers: SourceServer[] = [];
  for (let i = 0; i < appIds.length; i += IDS_PER_FILTER) {
    const chunk = appIds.slice(i, i + IDS_PER_FILTER);
    servers.push(...await allPages<SourceServer>((nextToken) => ctx.call('DescribeSourceServers', what,
      (c) => c.send(new DescribeSourceServersCommand({ filters: { applicationIDs: chunk }, maxResults: PAGE_SIZE, nextToken })))));
  }
  return {
    id: waveID,
    name: wave.name ?? name,
    isArchived: wave.isArchived === true,
    applications: applications.map((a) => ({ id: a.applicationID as string, isArchived: a.isArchived === true })),
    servers: servers.map(runbookServer).sort((a, b) => a.vmName.localeCompare(b.vmName) || a.id.localeCompare(b.id)),
  };
}

function runbookServer(s: SourceServer): RunbookServer {
  const id = s.sourceServerID as string;
  return {
    id,
    vmName: nonEmpty(s.tags?.[VM_TAG]) ?? nonEmpty(s.userProvidedID) ?? nonEmpty(s.sourceProperties?.identificationHints?.hostname) ?? id,
    state: s.lifeCycle?.state ?? 'UNKNOWN',
    replicationState: s.dataReplicationInfo?.dataReplicationState,
    isArchived: s.isArchived === true,
    lastTestJobId: s.lifeCycle?.lastTest?.initiated?.jobID,
    lastCutoverJobId: s.lifeCycle?.lastCutover?.initiated?.jobID,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
