import { MgnApiError, conflict } from '../errors';
import { paginate } from '../paging';
import { applicationView, waveView } from '../records';
import { GroupRecord, Wire } from '../state';
import { OpContext, OperationHandler, inList, requireApp, requireServer, requireWave, visible } from './context';

/**
 * Applications, waves and their memberships (§3.4-3.6). Names are unique case-insensitively among
 * non-archived records of a kind; a server is in at most one application and an application in at most one
 * wave: associating it elsewhere moves it. Deleting an application with servers, or a wave with
 * applications, is a conflict.
 */

/** Servers per application (mgn-api.md §9). */
export const MAX_SERVERS_PER_APPLICATION = 200;

type Kind = 'application' | 'wave';

function groups(ctx: OpContext, kind: Kind): Map<string, GroupRecord> {
  return kind === 'application' ? ctx.store.applications : ctx.store.waves;
}

function view(ctx: OpContext, kind: Kind, g: GroupRecord): Wire {
  return kind === 'application' ? applicationView(ctx.store, g) : waveView(ctx.store, g);
}

function checkName(ctx: OpContext, kind: Kind, name: string, self?: GroupRecord): void {
  const clash = [...groups(ctx, kind).values()].find((g) => g !== self && !g.isArchived && g.name.toLowerCase() === name.toLowerCase());
  if (clash) {
    throw conflict(`${kind} name ${name} is already used by ${clash.id}`, kind.toUpperCase(), clash.id);
  }
}

function create(ctx: OpContext, kind: Kind, input: Wire): Wire {
  const { store } = ctx;
  const name = String(input.name);
  checkName(ctx, kind, name);
  const id = store.ids.next(kind === 'application' ? 'app-' : 'wave-');
  const now = store.now();
  const g: GroupRecord = {
    id, arn: store.arn(kind, id), seq: store.nextSeq(), name, description: input.description as string | undefined, isArchived: false,
    created: now, modified: now, hiddenReads: store.options.invisibleReads ?? 0,
  };
  groups(ctx, kind).set(id, g);
  Object.assign(store.tagsOf(g.arn), (input.tags as Record<string, string> | undefined) ?? {});
  return view(ctx, kind, g);
}

function requireGroup(ctx: OpContext, kind: Kind, id: unknown): GroupRecord {
  return kind === 'application' ? requireApp(ctx, id) : requireWave(ctx, id);
}

function update(ctx: OpContext, kind: Kind, idKey: string, input: Wire): Wire {
  const g = requireGroup(ctx, kind, input[idKey]);
  if (typeof input.name === 'string') {
    checkName(ctx, kind, input.name, g);
    g.name = input.name;
  }
  if (typeof input.description === 'string') {
    g.description = input.description;
  }
  g.modified = ctx.store.now();
  return view(ctx, kind, g);
}

function archive(ctx: OpContext, kind: Kind, idKey: string, input: Wire, archived: boolean): Wire {
  const g = requireGroup(ctx, kind, input[idKey]);
  if (!archived) {
    checkName(ctx, kind, g.name, g);
  }
  g.isArchived = archived;
  g.modified = ctx.store.now();
  return view(ctx, kind, g);
}

function list(ctx: OpContext, kind: Kind, input: Wire, op: string): Wire {
  const f = (input.filters ?? {}) as Wire;
  const idFilter = kind === 'application' ? f.applicationIDs : f.waveIDs;
  const matching = [...groups(ctx, kind).values()].filter((g) => inList(idFilter, g.id)
    && (f.isArchived === undefined || g.isArchived === f.isArchived)
    && (kind === 'wave' || inList(f.waveIDs, g.waveID)));
  const page = paginate(matching.filter(visible), input, `${op}:${JSON.stringify(f)}`);
  return { items: page.items.map((g) => view(ctx, kind, g)), nextToken: page.nextToken };
}

export const GROUP_OPERATIONS: Record<string, OperationHandler> = {
  CreateApplication: (ctx, input) => create(ctx, 'application', input),
  CreateWave: (ctx, input) => create(ctx, 'wave', input),
  UpdateApplication: (ctx, input) => update(ctx, 'application', 'applicationID', input),
  UpdateWave: (ctx, input) => update(ctx, 'wave', 'waveID', input),
  ArchiveApplication: (ctx, input) => archive(ctx, 'application', 'applicationID', input, true),
  ArchiveWave: (ctx, input) => archive(ctx, 'wave', 'waveID', input, true),
  UnarchiveApplication: (ctx, input) => archive(ctx, 'application', 'applicationID', input, false),
  UnarchiveWave: (ctx, input) => archive(ctx, 'wave', 'waveID', input, false),
  ListApplications: (ctx, input) => list(ctx, 'application', input, 'ListApplications'),
  ListWaves: (ctx, input) => list(ctx, 'wave', input, 'ListWaves'),
  DeleteApplication: (ctx, input) => {
    const a = requireApp(ctx, input.applicationID);
    const members = ctx.store.serversOfApp(a.id);
    if (members.length > 0) {
      throw conflict(`application ${a.id} still has ${members.length} source server(s), disassociate them first`, 'APPLICATION', a.id);
    }
    ctx.store.applications.delete(a.id);
    return {};
  },
  DeleteWave: (ctx, input) => {
    const w = requireWave(ctx, input.waveID);
    const members = ctx.store.appsOfWave(w.id);
    if (members.length > 0) {
      throw conflict(`wave ${w.id} still has ${members.length} application(s), disassociate them first`, 'WAVE', w.id);
    }
    ctx.store.waves.delete(w.id);
    return {};
  },
  AssociateSourceServers: (ctx, input) => {
    const a = requireApp(ctx, input.applicationID);
    if (a.isArchived) {
      throw conflict(`application ${a.id} is archived`, 'APPLICATION', a.id);
    }
    const servers = (input.sourceServerIDs as string[]).map((id) => requireServer(ctx, id));
    const after = new Set([...ctx.store.serversOfApp(a.id), ...servers]);
    if (after.size > MAX_SERVERS_PER_APPLICATION) {
      throw new MgnApiError('ServiceQuotaExceededException', `an application holds at most ${MAX_SERVERS_PER_APPLICATION} source servers`, {
        resourceId: a.id, resourceType: 'APPLICATION', serviceCode: 'mgn', quotaCode: 'L-SERVERS-PER-APPLICATION',
        quotaValue: MAX_SERVERS_PER_APPLICATION,
      });
    }
    for (const s of servers) {
      s.applicationID = a.id;
    }
    a.modified = ctx.store.now();
    return {};
  },
  DisassociateSourceServers: (ctx, input) => {
    const a = requireApp(ctx, input.applicationID);
    const servers = (input.sourceServerIDs as string[]).map((id) => requireServer(ctx, id));
    for (const s of servers) {
      if (s.applicationID === a.id) {
        s.applicationID = undefined;
      }
    }
    a.modified = ctx.store.now();
    return {};
  },
  AssociateApplications: (ctx, input) => {
    const w = requireWave(ctx, input.waveID);
    if (w.isArchived) {
      throw conflict(`wave ${w.id} is archived`, 'WAVE', w.id);
    }
    const apps = (input.applicationIDs as string[]).map((id) => requireApp(ctx, id));
    for (const a of apps) {
      a.waveID = w.id;
    }
    w.modified = ctx.store.now();
    return {};
  },
  DisassociateApplications: (ctx, input) => {
    const w = requireWave(ctx, input.waveID);
    const apps = (input.applicationIDs as string[]).map((id) => requireApp(ctx, id));
    for (const a of apps) {
      if (a.waveID === w.id) {
        a.waveID = undefined;
      }
    }
    w.modified = ctx.store.now();
    return {};
  },
};
