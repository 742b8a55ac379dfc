import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { conflict } from '../errors';
import { paginate } from '../paging';
import { createServer } from '../records';
import { GroupRecord, ImportRecord, MgnStore, ServerRecord, Wire } from '../state';
import { OpContext, OperationHandler, compact } from './context';

/**
 * Inventory imports (§3.12). StartImport makes a PENDING task; each `importSteps` ListImports calls move it one
 * step (PENDING → STARTED → SUCCEEDED/FAILED; no wall clock). The CSV is read and applied when the task ends:
 * `<s3Root>/<bucket>/<key>`; a missing object fails the task with a PROCESSING_ERROR.
 *
 * Row numbers: `rowNumber` 1 is the first DATA row (the header row is not counted), so a caller can map
 * row n to the n-th entry of the rows it wrote. A row with a problem is a VALIDATION_ERROR and is skipped;
 * the task SUCCEEDS when at least one row applied (or the file has no data row) and FAILS when every row failed.
 * The same clientToken answers the same task; a new StartImport while one is unfinished is a conflict.
 */

const PLATFORMS = ['linux', 'windows'];
const TENANCIES = ['default', 'dedicated', 'host'];

function finished(i: ImportRecord): boolean {
  return i.status === 'SUCCEEDED' || i.status === 'FAILED';
}

/** The ImportTask shape. */
function taskView(i: ImportRecord): Wire {
  return compact({
    importID: i.id, s3BucketSource: { s3Bucket: i.bucket, s3Key: i.key }, creationDateTime: i.created, endDateTime: i.ended, status: i.status,
    progressPercentage: finished(i) ? 100 : i.status === 'STARTED' ? 50 : 0, summary: i.summary,
  });
}

interface Counts { created: number; modified: number }

/** Applies one import; fills status, summary and errors. */
export function runImport(store: MgnStore, task: ImportRecord): void {
  const root = store.options.s3Root;
  const file = root === undefined ? undefined : path.join(root, task.bucket, task.key);
  task.ended = store.now();
  if (file === undefined || !fs.existsSync(file)) {
    task.status = 'FAILED';
    task.errors.push({ errorDateTime: task.ended, errorType: 'PROCESSING_ERROR',
      errorData: { rawError: `NoSuchKey: s3://${task.bucket}/${task.key} does not exist` } });
    return;
  }
  let records: Array<Record<string, string>>;
  try {
    records = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false });
  } catch (e) {
    task.status = 'FAILED';
    task.errors.push({ errorDateTime: task.ended, errorType: 'PROCESSING_ERROR', errorData: { rawError: `cannot parse the CSV: ${(e as Error).message}` } });
    return;
  }
  const counts = { servers: { created: 0, modified: 0 }, applications: { created: 0, modified: 0 }, waves: { created: 0, modified: 0 } };
  const seenServers = new Map<string, Record<string, string>>();
  let applied = 0;
  records.forEach((row, i) => {
    const rowNumber = i + 1;
    const problem = checkRow(store, row, seenServers);
    if (problem) {
      task.errors.push({ errorDateTime: task.ended, errorType: 'VALIDATION_ERROR', errorData: { rowNumber, rawError: problem } });
      return;
    }
    applyRow(store, row, counts);
    applied += 1;
  });
  task.status = applied > 0 || records.length === 0 ? 'SUCCEEDED' : 'FAILED';
  task.summary = {
    servers: { createdCount: counts.servers.created, modifiedCount: counts.servers.modified },
    applications: { createdCount: counts.applications.created, modifiedCount: counts.applications.modified },
    waves: { createdCount: counts.waves.created, modifiedCount: counts.waves.modified },
  };
}

function checkRow(store: MgnStore, row: Record<string, string>, seen: Map<string, Record<string, string>>): string | undefined {
  const v = (k: string) => (row[k] ?? '').trim();
  if (v('mgn:region') !== '' && v('mgn:region') !== store.region) {
    return `mgn:region ${v('mgn:region')} is not the Region of the call (${store.region})`;
  }
  const serverColumns = Object.keys(row).filter((k) => (k.startsWith('mgn:server:') || k.startsWith('mgn:launch:')) && v(k) !== '');
  const userId = v('mgn:server:user-provided-id');
  if (serverColumns.length > 0 && userId === '') {
    return 'a row that sets server properties must identify the server (mgn:server:user-provided-id)';
  }
  if (v('mgn:server:platform') !== '' && !PLATFORMS.includes(v('mgn:server:platform').toLowerCase())) {
    return `mgn:server:platform ${v('mgn:server:platform')} is not valid, use Linux or Windows`;
  }
  if (v('mgn:launch:placement:tenancy') !== '' && !TENANCIES.includes(v('mgn:launch:placement:tenancy'))) {
    return `mgn:launch:placement:tenancy ${v('mgn:launch:placement:tenancy')} is not valid, use default, dedicated or host`;
  }
  for (const k of Object.keys(row)) {
    if (/^mgn:launch:nic:\d+:subnet-id$/.test(k) && v(k) !== '' && !/^subnet-[0-9a-fA-F]{8,}$/.test(v(k))) {
      return `${k} ${v(k)} is not a subnet id`;
    }
    if (/^mgn:launch:nic:\d+:security-group-id:\d+$/.test(k) && v(k) !== '' && !/^sg-[0-9a-fA-F]{8,}$/.test(v(k))) {
      return `${k} ${v(k)} is not a security group id`;
    }
  }
  if (userId !== '') {
    // Rows may repeat a server and complement each other, never contradict.
    const before = seen.get(userId) ?? {};
    for (const k of serverColumns) {
      if (before[k] !== undefined && before[k] !== v(k)) {
        return `row contradicts an earlier row for ${userId}: ${k} ${before[k]} vs ${v(k)}`;
      }
    }
    seen.set(userId, { ...before, ...Object.fromEntries(serverColumns.map((k) => [k, v(k)])) });
  }
  return undefined;
}

function group(store: MgnStore, kind: 'application' | 'wave', name: string, counts: Counts): GroupRecord {
  const map = kind === 'application' ? store.applications : store.waves;
  const found = [...map.values()].find((g) => !g.isArchived && g.name.toLowerCase() === name.toLowerCase());
  if (found) {
    return found;
  }
  const id = store.ids.next(kind === 'application' ? 'app-' : 'wave-');
  const now = store.now();
  const g: GroupRecord = { id, arn: store.arn(kind, id), seq: store.nextSeq(), name, isArchived: false, created: now, modified: now,
    hiddenReads: store.options.invisibleReads ?? 0 };
  map.set(id, g);
  counts.created += 1;
  return g;
}

function applyRow(store: MgnStore, row: Record<string, string>,
  counts: { servers: Counts; applications: Counts; waves: Counts }): void {
  const v = (k: string) => (row[k] ?? '').trim();
  const wave = v('mgn:wave:name') === '' ? undefined : group(store, 'wave', v('mgn:wave:name'), counts.waves);
  const app = v('mgn:app:name') === '' ? undefined : group(store, 'application', v('mgn:app:name'), counts.applications);
  if (app && wave) {
    app.waveID = wave.id;
  }
  const userId = v('mgn:server:user-provided-id');
  if (userId === '') {
    return;
  }
  const tags = Object.fromEntries(Object.keys(row).filter((k) => k.startsWith('mgn:server:tag:')).map((k) => [k.slice('mgn:server:tag:'.length), v(k)]));
  let server: ServerRecord | undefined = [...store.servers.values()].find((s) => !s.isArchived && s.userProvidedID === userId);
  if (server) {
    counts.servers.modified += 1;
    Object.assign(store.tagsOf(server.arn), tags);
    server.fqdnForActionFramework = v('mgn:server:fqdn-for-action-framework') || server.fqdnForActionFramework;
    server.platform = v('mgn:server:platform') || server.platform;
  } else {
    counts.servers.created += 1;
    server = createServer(store, {
      state: 'PENDING_INSTALLATION', replicationType: 'AGENT_BASED', userProvidedID: userId, platform: v('mgn:server:platform') || undefined,
      fqdnForActionFramework: v('mgn:server:fqdn-for-action-framework') || undefined, tags,
    });
  }
  if (app) {
    server.applicationID = app.id;
  }
  applyLaunchColumns(store, server, v, Object.keys(row));
}

function applyLaunchColumns(store: MgnStore, server: ServerRecord, v: (k: string) => string, columns: string[]): void {
  const launch = columns.filter((k) => k.startsWith('mgn:launch:') && v(k) !== '');
  if (launch.length === 0) {
    return;
  }
  const lt = store.launchTemplates.get(server.launchTemplateId)!;
  const data = JSON.parse(JSON.stringify(lt.versions.get(lt.defaultVersion)!.data)) as Wire;
  if (v('mgn:launch:instance-type')) {
    data.InstanceType = v('mgn:launch:instance-type');
  }
  if (v('mgn:launch:iam-instance-profile:name')) {
    data.IamInstanceProfile = { Name: v('mgn:launch:iam-instance-profile:name') };
  }
  const nicIndexes = [...new Set(launch.map((k) => /^mgn:launch:nic:(\d+):/.exec(k)?.[1]).filter((x): x is string => x !== undefined))].sort();
  if (nicIndexes.length > 0) {
    data.NetworkInterfaces = nicIndexes.map((n) => compact({
      DeviceIndex: Number(n), DeleteOnTermination: true, SubnetId: v(`mgn:launch:nic:${n}:subnet-id`) || undefined,
      NetworkInterfaceId: v(`mgn:launch:nic:${n}:network-interface-id`) || undefined,
      PrivateIpAddress: v(`mgn:launch:nic:${n}:private-ip:0`) || undefined,
      Groups: (() => {
        const groups = launch.filter((k) => k.startsWith(`mgn:launch:nic:${n}:security-group-id:`)).sort().map((k) => v(k));
        return groups.length > 0 ? groups : undefined;
      })(),
    }));
  }
  if (v('mgn:launch:placement:tenancy') || v('mgn:launch:placement:host-id')) {
    data.Placement = compact({ Tenancy: v('mgn:launch:placement:tenancy') || undefined, HostId: v('mgn:launch:placement:host-id') || undefined });
  }
  const instanceTags = launch.filter((k) => k.startsWith('mgn:launch:tag:instance:'))
    .map((k) => ({ Key: k.slice('mgn:launch:tag:instance:'.length), Value: v(k) }));
  if (instanceTags.length > 0) {
    data.TagSpecifications = [{ ResourceType: 'instance', Tags: instanceTags }];
  }
  if (v('mgn:launch:placement:operating-system-licensing')) {
    server.launch.licensing = { osByol: v('mgn:launch:placement:operating-system-licensing').toUpperCase() === 'BYOL' };
  }
  const n = lt.latestVersion + 1;
  lt.versions.set(n, { number: n, description: 'MGN import', created: store.now(), data });
  lt.latestVersion = n;
  lt.defaultVersion = n;
}

function advance(store: MgnStore, task: ImportRecord): void {
  if (finished(task)) {
    return;
  }
  task.polls += 1;
  if (task.polls < (store.options.importSteps ?? 1)) {
    return;
  }
  task.polls = 0;
  if (task.status === 'PENDING') {
    task.status = 'STARTED';
  } else {
    runImport(store, task);
  }
}

function startImport(ctx: OpContext, input: Wire): Wire {
  const { store } = ctx;
  const token = typeof input.clientToken === 'string' && input.clientToken !== '' ? input.clientToken : undefined;
  const same = token === undefined ? undefined : [...store.imports.values()].find((i) => i.clientToken === token);
  if (same) {
    return { importTask: taskView(same) };
  }
  const running = [...store.imports.values()].find((i) => !finished(i));
  if (running) {
    throw conflict(`import ${running.id} is still ${running.status}, one import runs at a time`, 'IMPORT', running.id);
  }
  const source = input.s3BucketSource as { s3Bucket: string; s3Key: string };
  const id = store.ids.next('import-');
  const task: ImportRecord = { id, seq: store.nextSeq(), bucket: source.s3Bucket, key: source.s3Key, clientToken: token, status: 'PENDING',
    created: store.now(), polls: 0, errors: [] };
  store.imports.set(id, task);
  return { importTask: taskView(task) };
}

export const IMPORT_OPERATIONS: Record<string, OperationHandler> = {
  StartImport: startImport,
  ListImports: (ctx, input) => {
    const f = (input.filters ?? {}) as { importIDs?: string[] };
    const tasks = [...ctx.store.imports.values()].filter((i) => !f.importIDs?.length || f.importIDs.includes(i.id));
    tasks.forEach((t) => advance(ctx.store, t));
    const page = paginate(tasks, input, `ListImports:${JSON.stringify(f)}`);
    return compact({ items: page.items.map(taskView), nextToken: page.nextToken });
  },
  ListImportErrors: (ctx, input) => {
    const task = ctx.store.imports.get(String(input.importID));
    const errors = (task?.errors ?? []).map((e, i) => ({ seq: i + 1, e }));
    const page = paginate(errors, input, `ListImportErrors:${String(input.importID)}`);
    return compact({ items: page.items.map((x) => x.e), nextToken: page.nextToken });
  },
};
