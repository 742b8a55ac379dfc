import {
  Application, AssociateApplicationsCommand, DeleteApplicationCommand, DeleteWaveCommand, DescribeSourceServersCommand,
  DisassociateApplicationsCommand, MgnClient, UpdateWaveCommand, Wave,
} from '@aws-sdk/client-mgn';
import { HandlerError, describeError, hasErrorName } from '../../handler-common/errors';
import { OnEventResponse, ResourceEvent } from '../../handler-common/event';
import { Data, Props } from './api';
import { findByName, findOrCreateApplication, findOrCreateWave, listApplications, listWaves } from './applications';
import { MgnErrors, isNotFound, mgn } from './calls';
import { MgnInvocation } from './invocation';
import { PropertyReader, chunks, sameName } from './properties';
import { ResourceHandler, completeAtOnce } from './resource';

/**
 * `Custom::MgnWave`: one wave and its applications, kept in step with the plan. The wave id is the
 * physical id, so a renamed wave keeps its id (UpdateWave), and its applications stay associated.
 * Applications are found by name or created; those the resource listed before and no longer lists are
 * disassociated on Update, and deleted on Delete when no server is left in them. A wave that still holds
 * applications on Delete (servers retained in them) is left in MGN, and the Delete succeeds.
 */

/** MGN's limit on the ids of one Associate/DisassociateApplications call. */
const ASSOCIATION_CHUNK = 50;

interface WaveProperties {
  readonly name: string;
  readonly description?: string;
  readonly applications: readonly string[];
}

function readWave(raw: Readonly<Record<string, unknown>> | undefined, target: string): WaveProperties {
  const reader = new PropertyReader(raw ?? {});
  const name = reader.required(Props.WAVE_NAME, 'the wave\'s name in MGN');
  if (name !== '' && (name.length > 256 || name.trim() !== name)) {
    reader.problems.push(`${Props.WAVE_NAME} "${name}" is not allowed, use 1 to 256 characters without blanks at either end`);
  }
  const description = reader.text(Props.DESCRIPTION);
  const applications = reader.list(Props.APPLICATIONS);
  reader.check(target);
  return { name, description, applications: dedupe(applications) };
}

/** Names without case-insensitive repeats, first spelling kept. */
function dedupe(names: readonly string[]): string[] {
  return names.filter((n, i) => names.findIndex((m) => sameName(m, n)) === i);
}

async function onEvent(inv: MgnInvocation, event: ResourceEvent): Promise<OnEventResponse> {
  if (event.RequestType === 'Delete') {
    return onDelete(inv, event);
  }
  const props = readWave(event.ResourceProperties, inv.target);
  const old = event.RequestType === 'Update' ? readOldWave(event.OldResourceProperties) : undefined;
  const wave = await settleWave(inv, props, event.RequestType === 'Update' ? event.PhysicalResourceId : undefined);
  const waveID = wave.waveID as string;
  inv.physicalResourceId = waveID;
  await settleApplications(inv, waveID, props, old);
  return { PhysicalResourceId: waveID, Data: { [Data.WAVE_ID]: waveID } };
}

function readOldWave(raw: Readonly<Record<string, unknown>> | undefined): WaveProperties | undefined {
  try {
    return readWave(raw, 'the previous wave');
  } catch {
    return undefined;
  }
}

/** The wave: the one of the physical id (renamed and described as asked), else found by name or created. */
async function settleWave(inv: MgnInvocation, props: WaveProperties, physicalId: string | undefined): Promise<Wave> {
  const waves = physicalId ? await listWaves(inv) : [];
  const mine = physicalId ? waves.find((w) => w.waveID === physicalId) : undefined;
  if (!mine) {
    const { wave, created } = await findOrCreateWave(inv, props.name, props.description);
    inv.log('wave', { operation: created ? 'CreateWave' : 'ListWaves', outcome: created ? 'created' : 'found', waveId: wave.waveID });
    return updateIfChanged(inv, wave, props);
  }
  return updateIfChanged(inv, mine, props);
}

async function updateIfChanged(inv: MgnInvocation, wave: Wave, props: WaveProperties): Promise<Wave> {
  const rename = wave.name !== props.name;
  const describe = props.description !== undefined && (wave.description ?? '') !== props.description;
  if (!rename && !describe) {
    return wave;
  }
  try {
    const updated: Wave = await mgn(inv, 'UpdateWave', (c) => c.send(new UpdateWaveCommand({
      waveID: wave.waveID, ...rename ? { name: props.name } : {}, ...describe ? { description: props.description } : {},
    })), { expected: [MgnErrors.CONFLICT] });
    inv.log('wave', { operation: 'UpdateWave', outcome: 'updated', waveId: wave.waveID, renamed: rename });
    return { ...wave, ...updated };
  } catch (e) {
    if (hasErrorName(e, MgnErrors.CONFLICT)) {
      throw new HandlerError(`UpdateWave for ${inv.target} failed: another wave is named "${props.name}" already (${describeError(e)}); `
        + 'rename or archive that wave, or choose another name');
    }
    throw e;
  }
}

/** Finds or creates each listed application, associates it with the wave, and disassociates those no longer listed. */
async function settleApplications(inv: MgnInvocation, waveID: string, props: WaveProperties, old: WaveProperties | undefined): Promise<void> {
  let known = await listApplications(inv);
  const wanted: Application[] = [];
  let created = 0;
  for (const name of props.applications) {
    const found = await findOrCreateApplication(inv, name, known);
    if (found.created) {
      created += 1;
      known = [...known, found.application];
    }
    wanted.push(found.application);
  }
  // An application is in one wave: one that is in another wave leaves it first.
  const elsewhere = wanted.filter((a) => a.waveID !== undefined && a.waveID !== '' && a.waveID !== waveID);
  for (const [otherWave, apps] of groupBy(elsewhere, (a) => a.waveID as string)) {
    await disassociate(inv, otherWave, apps.map((a) => a.applicationID as string));
  }
  const toAssociate = wanted.filter((a) => a.waveID !== waveID).map((a) => a.applicationID as string);
  for (const ids of chunks(toAssociate, ASSOCIATION_CHUNK)) {
    await mgn(inv, 'AssociateApplications', (c) => c.send(new AssociateApplicationsCommand({ waveID, applicationIDs: ids })));
  }
  const dropped = (old?.applications ?? []).filter((n) => !props.applications.some((m) => sameName(m, n)));
  const toDisassociate = dropped.map((n) => findByName(known, n)).filter((a): a is Application => a !== undefined && a.waveID === waveID)
    .map((a) => a.applicationID as string);
  await disassociate(inv, waveID, toDisassociate);
  inv.log('applications', {
    operation: 'AssociateApplications', created, associated: toAssociate.length, disassociated: toDisassociate.length, moved: elsewhere.length,
  });
}

async function disassociate(inv: MgnInvocation, waveID: string, applicationIDs: readonly string[]): Promise<void> {
  for (const ids of chunks(applicationIDs, ASSOCIATION_CHUNK)) {
    try {
      await mgn(inv, 'DisassociateApplications', (c) => c.send(new DisassociateApplicationsCommand({ waveID, applicationIDs: ids })),
        { expected: [MgnErrors.NOT_FOUND] });
    } catch (e) {
      if (!isNotFound(e)) {
        throw e;
      }
      inv.log('disassociate', { operation: 'DisassociateApplications', outcome: 'gone', waveId: waveID });
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    out.set(key(item), [...out.get(key(item)) ?? [], item]);
  }
  return out;
}

/**
 * Delete: the applications this resource listed that hold no server any more are disassociated and
 * deleted; then the wave, when no application is left in it. Anything still in use is left, with a log
 * line: a stack delete never fails for a wave with servers retained in it.
 */
async function onDelete(inv: MgnInvocation, event: ResourceEvent): Promise<OnEventResponse> {
  const waveID = event.PhysicalResourceId ?? '';
  const props = readOldWave(event.ResourceProperties);
  const apps = await listApplications(inv);
  const listed = (props?.applications ?? []).map((n) => findByName(apps, n)).filter((a): a is Application => a !== undefined);
  const kept: string[] = [];
  for (const app of listed) {
    if (await hasServers(inv, app.applicationID as string)) {
      kept.push(app.name ?? app.applicationID as string);
      continue;
    }
    if (app.waveID === waveID) {
      await disassociate(inv, waveID, [app.applicationID as string]);
    }
    await deleteIgnoringGone(inv, 'DeleteApplication', (c) => c.send(new DeleteApplicationCommand({ applicationID: app.applicationID })));
  }
  const left = await listApplications(inv, [waveID]);
  const inWave = left.filter((a) => a.waveID === waveID);
  if (inWave.length > 0) {
    inv.log('delete-wave', { outcome: 'left', reason: 'applications with servers are still in the wave', applications: inWave.map((a) => a.name ?? '') },
      'warn');
  } else {
    await deleteIgnoringGone(inv, 'DeleteWave', (c) => c.send(new DeleteWaveCommand({ waveID })));
  }
  inv.log('delete', { applicationsKept: kept });
  return { PhysicalResourceId: waveID };
}

async function hasServers(inv: MgnInvocation, applicationID: string): Promise<boolean> {
  const out = await mgn(inv, 'DescribeSourceServers',
    (c) => c.send(new DescribeSourceServersCommand({ filters: { applicationIDs: [applicationID] }, maxResults: 1 })));
  return (out.items ?? []).length > 0;
}

/** A delete call whose "not found" is success, and whose conflict (still in use) leaves the resource in place. */
async function deleteIgnoringGone(inv: MgnInvocation, operation: string, send: (client: MgnClient) => Promise<unknown>): Promise<void> {
  try {
    await mgn(inv, operation, send, { expected: [MgnErrors.NOT_FOUND, MgnErrors.CONFLICT] });
    inv.log('delete', { operation, outcome: 'deleted' });
  } catch (e) {
    if (isNotFound(e)) {
      inv.log('delete', { operation, outcome: 'gone' });
    } else if (hasErrorName(e, MgnErrors.CONFLICT)) {
      inv.log('delete', { operation, outcome: 'left', reason: describeError(e) }, 'warn');
    } else {
      throw e;
    }
  }
}

/** The handler of `Custom::MgnWave`. */
export const wave: ResourceHandler = { noun: 'wave', onEvent, isComplete: completeAtOnce };
