import { createHash } from 'crypto';
import {
  ImportTask, ImportTaskError, ListImportsCommand, StartImportCommand, paginateListImportErrors,
} from '@aws-sdk/client-mgn';
import { HandlerError, hasErrorName } from '../../handler-common/errors';
import { CompletionEvent, IsCompleteResponse, OnEventResponse, ResourceEvent, STARTED_AT_KEY } from '../../handler-common/event';
import { Defaults, Env, envMs } from '../../handler-common/settings';
import { Data, Props } from './api';
import { MgnErrors, mgn, mgnPages } from './calls';
import { MgnInvocation } from './invocation';
import { PropertyReader } from './properties';
import { ResourceHandler } from './resource';

/**
 * `Custom::MgnImport`: the plan's import CSV (an S3 object) imported into MGN's inventory, polled in
 * `isComplete` until the import ends. The import id is the physical id.
 *
 * StartImport carries a client token derived from the CSV's content hash, the stack and the resource:
 * a retried call, a lost answer or a duplicate delivery of the same Create starts no second import, and
 * two stacks importing the same CSV do not share one. MGN runs one import at a time per account and
 * Region: a ConflictException means another import runs, so the import is not started yet; `onEvent`
 * answers with a placeholder physical id and `isComplete` starts it when MGN is free (with the same token).
 * The Provider framework keeps the request it first gave `isComplete` for every poll, so a poll after the
 * one that started the import calls StartImport again with the same token, which hands back the same
 * import; the import id becomes the physical id when the import ends.
 */

/** The placeholder physical id of an import MGN has not started yet: `import-pending:<client token>`. */
const PENDING_PREFIX = 'import-pending:';
/** How many failed rows a message names before it says how many more there are. */
const ROWS_NAMED = 5;

interface ImportProperties {
  readonly bucket: string;
  readonly key: string;
  readonly contentHash: string;
  readonly rowVms: readonly string[];
}

function readImport(raw: Readonly<Record<string, unknown>> | undefined, target: string): ImportProperties {
  const reader = new PropertyReader(raw ?? {});
  const bucket = reader.required(Props.BUCKET, 'the S3 bucket of the import CSV');
  const key = reader.required(Props.KEY, 'the S3 key of the import CSV');
  if (key !== '' && !key.endsWith('.csv')) {
    reader.problems.push(`${Props.KEY} "${key}" is not allowed, MGN imports only keys that end in .csv`);
  }
  const contentHash = reader.required(Props.CONTENT_HASH, 'the CSV\'s content hash');
  const rowVms = reader.list(Props.ROW_VMS);
  reader.check(target);
  return { bucket, key, contentHash, rowVms };
}

/**
 * The client token of an import: the first 64 hex digits of a SHA-256 of the content hash, the stack and
 * the resource's logical id (MGN accepts up to 64 characters).
 */
export function importClientToken(contentHash: string, stackId: string, logicalResourceId: string): string {
  return createHash('sha256').update(`${contentHash}\n${stackId}\n${logicalResourceId}`).digest('hex').slice(0, 64);
}

async function onEvent(inv: MgnInvocation, event: ResourceEvent): Promise<OnEventResponse> {
  if (event.RequestType === 'Delete') {
    // An import cannot be undone: the servers it created are the source-server resources' business.
    inv.log('delete', { outcome: 'left', reason: 'an import is never undone' });
    return { PhysicalResourceId: event.PhysicalResourceId ?? '' };
  }
  const props = readImport(event.ResourceProperties, inv.target);
  const token = importClientToken(props.contentHash, event.StackId, event.LogicalResourceId);
  const task = await startImport(inv, props, token);
  const physicalResourceId = task?.importID ?? `${PENDING_PREFIX}${token}`;
  inv.physicalResourceId = physicalResourceId;
  return { PhysicalResourceId: physicalResourceId, [STARTED_AT_KEY]: Date.now() };
}

/** Starts the import; undefined while another import runs. */
async function startImport(inv: MgnInvocation, props: ImportProperties, clientToken: string): Promise<ImportTask | undefined> {
  try {
    const out = await mgn(inv, 'StartImport', (c) => c.send(new StartImportCommand({
      clientToken, s3BucketSource: { s3Bucket: props.bucket, s3Key: props.key },
    })), { expected: [MgnErrors.CONFLICT] });
    const task = out.importTask;
    if (!task?.importID) {
      throw new HandlerError(`StartImport for ${inv.target} failed: MGN answered without an import id; deploy again`);
    }
    inv.log('start-import', { operation: 'StartImport', outcome: 'started', importId: task.importID });
    return task;
  } catch (e) {
    if (!hasErrorName(e, MgnErrors.CONFLICT)) {
      throw e;
    }
    inv.deferred += 1;
    inv.log('start-import', { operation: 'StartImport', outcome: 'waiting', reason: 'another import is running' });
    return undefined;
  }
}

async function isComplete(inv: MgnInvocation, event: CompletionEvent): Promise<IsCompleteResponse> {
  if (event.RequestType === 'Delete') {
    return { IsComplete: true };
  }
  const props = readImport(event.ResourceProperties, inv.target);
  let importID = event.PhysicalResourceId ?? '';
  if (importID.startsWith(PENDING_PREFIX)) {
    const task = await startImport(inv, props, importID.slice(PENDING_PREFIX.length));
    if (!task) {
      return { IsComplete: false };
    }
    importID = task.importID as string;
  }
  inv.physicalResourceId = importID;
  const out = await mgn(inv, 'ListImports', (c) => c.send(new ListImportsCommand({ filters: { importIDs: [importID] } })));
  const task = (out.items ?? []).find((t) => t.importID === importID);
  if (!task) {
    return notListed(inv, event, importID);
  }
  if (task.status !== 'SUCCEEDED' && task.status !== 'FAILED') {
    inv.log('poll-import', { operation: 'ListImports', importId: importID, state: task.status, outcome: 'waiting' });
    return { IsComplete: false };
  }
  const errors = (await mgnPages(inv, 'ListImportErrors', paginateListImportErrors, { importID })).flatMap((p) => p.items ?? []);
  if (task.status === 'FAILED' || errors.length > 0) {
    throw new HandlerError(importFailure(importID, props, task, errors));
  }
  inv.log('poll-import', { operation: 'ListImports', importId: importID, state: task.status, outcome: 'complete' });
  return {
    IsComplete: true,
    ...importID !== event.PhysicalResourceId ? { PhysicalResourceId: importID } : {},
    Data: {
      [Data.IMPORT_ID]: importID,
      [Data.SERVERS_CREATED]: String(task.summary?.servers?.createdCount ?? 0),
      [Data.SERVERS_MODIFIED]: String(task.summary?.servers?.modifiedCount ?? 0),
    },
  };
}

function notListed(inv: MgnInvocation, event: CompletionEvent, importID: string): IsCompleteResponse {
  const startedAt = event[STARTED_AT_KEY];
  if (typeof startedAt === 'number' && Date.now() - startedAt < envMs(Env.NOT_FOUND_GRACE_MS, Defaults.NOT_FOUND_GRACE_MS)) {
    inv.log('poll-import', { operation: 'ListImports', importId: importID, outcome: 'waiting', reason: 'import not listed yet' });
    return { IsComplete: false };
  }
  throw new HandlerError(`import ${importID} of ${inv.target} is not listed by MGN (imports are kept 7 days); deploy again`);
}

/**
 * The VM of an error row. `rowNumber` 1 is the CSV's first data row (the header is not counted), as the
 * project's MGN emulator numbers them; the real service's numbering is not documented (mgn-api.md §3.12).
 */
export function vmOfRow(rowNumber: number | undefined, rowVms: readonly string[]): string | undefined {
  return rowNumber !== undefined && rowNumber >= 1 ? rowVms[rowNumber - 1] : undefined;
}

/** One sentence: which VMs failed and what MGN said, at most {@link ROWS_NAMED} rows, then how many more. */
export function importFailure(importID: string, props: ImportProperties, task: ImportTask, errors: readonly ImportTaskError[]): string {
  const where = `s3://${props.bucket}/${props.key}`;
  if (errors.length === 0) {
    return `import ${importID} of ${where} failed: MGN reports ${task.status ?? 'FAILED'} without row errors; check the CSV and the `
      + 'handler\'s access to the object, then deploy again';
  }
  const rows = errors.slice(0, ROWS_NAMED).map((e) => {
    const row = e.errorData?.rowNumber;
    const vm = vmOfRow(row, props.rowVms);
    const who = vm !== undefined ? `VM "${vm}" (row ${row}): ` : row !== undefined ? `row ${row}: ` : '';
    return `${who}${(e.errorData?.rawError ?? e.errorType ?? 'no reason given').trim()}`;
  });
  const more = errors.length > ROWS_NAMED ? `, and ${errors.length - ROWS_NAMED} more` : '';
  const vms = new Set(errors.map((e) => vmOfRow(e.errorData?.rowNumber, props.rowVms)).filter((v) => v !== undefined));
  const forWhom = vms.size === 0 ? '' : ` for ${vms.size === 1 ? '1 VM' : `${vms.size} VMs`}`;
  const advice = vms.size === 0 ? 'check the CSV and the handler\'s access to it, then deploy again' : 'fix these VMs in the plan and deploy again';
  return `import ${importID} of ${where} failed${forWhom}: ${rows.join('; ')}${more}; ${advice}`;
}

/** The handler of `Custom::MgnImport`. */
export const mgnImport: ResourceHandler = { noun: 'import', onEvent, isComplete };
