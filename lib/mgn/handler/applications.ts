import {
  Application, CreateApplicationCommand, CreateWaveCommand, ListApplicationsRequest, Wave, paginateListApplications, paginateListWaves,
} from '@aws-sdk/client-mgn';
import { HandlerError, hasErrorName } from '../../handler-common/errors';
import { pauseBeforeRetry } from '../../handler-common/retry';
import { MgnErrors, mgn, mgnPages } from './calls';
import { MgnInvocation } from './invocation';
import { sameName } from './properties';

/**
 * Waves and applications by name: MGN's names are unique per account and Region, compared
 * case-insensitively, and its create calls carry no client token. So a name is looked up first and
 * created only when absent; a create that meets ConflictException (another deploy created it, or an
 * earlier attempt of this one whose answer was lost) looks the name up again and takes what it finds.
 *
 * MGN's listings are eventually consistent (mgn-api.md §7): a wave or application just created may be
 * missing from them for a moment. Where the name is known to exist (a create answered ConflictException,
 * or the wave resource deployed before has just made the application), a name not listed is looked up
 * again a few times, with backoff, before the handler gives up.
 */

/** Listings read again for a name known to exist before it counts as missing. */
const CONSISTENCY_REREADS = 5;

/**
 * The item named `name` (case-insensitive) in `list()`, or else in up to {@link CONSISTENCY_REREADS} more
 * listings, read with backoff within the invocation's time; undefined if none lists it.
 */
export async function findListed<T extends { readonly name?: string }>(inv: MgnInvocation, list: () => Promise<T[]>, name: string):
Promise<T | undefined> {
  let items = await list();
  for (let attempt = 1; ; attempt++) {
    const found = findByName(items, name);
    if (found || attempt > CONSISTENCY_REREADS || !await pauseBeforeRetry(inv, attempt)) {
      return found;
    }
    inv.log('consistency', { outcome: 'waiting', name, reason: 'not listed yet', waits: attempt });
    items = await list();
  }
}

/** Every application that is not archived, optionally only those of some waves. */
export async function listApplications(inv: MgnInvocation, waveIDs?: readonly string[]): Promise<Application[]> {
  const input: ListApplicationsRequest = { filters: { isArchived: false, ...waveIDs ? { waveIDs: [...waveIDs] } : {} } };
  const pages = await mgnPages(inv, 'ListApplications', paginateListApplications, input);
  return pages.flatMap((p) => p.items ?? []).filter((a) => a.isArchived !== true);
}

/** Every wave that is not archived. */
export async function listWaves(inv: MgnInvocation): Promise<Wave[]> {
  const pages = await mgnPages(inv, 'ListWaves', paginateListWaves, { filters: { isArchived: false } });
  return pages.flatMap((p) => p.items ?? []).filter((w) => w.isArchived !== true);
}

/** The application named `name` (case-insensitive) among `apps`. */
export function findByName<T extends { readonly name?: string }>(items: readonly T[], name: string): T | undefined {
  return items.find((item) => sameName(item.name, name));
}

/** The wave named `name`, found or created. */
export async function findOrCreateWave(inv: MgnInvocation, name: string, description: string | undefined): Promise<{ wave: Wave; created: boolean }> {
  const found = findByName(await listWaves(inv), name);
  if (found) {
    return { wave: found, created: false };
  }
  try {
    const wave: Wave = await mgn(inv, 'CreateWave',
      (c) => c.send(new CreateWaveCommand({ name, ...description !== undefined ? { description } : {} })),
      { expected: [MgnErrors.CONFLICT] });
    return { wave, created: true };
  } catch (e) {
    if (!hasErrorName(e, MgnErrors.CONFLICT)) {
      throw e;
    }
    const again = await findListed(inv, () => listWaves(inv), name);
    if (!again) {
      throw new HandlerError(`CreateWave for ${inv.target} failed: MGN reports a conflict, yet lists no wave named "${name}" that is not `
        + 'archived; unarchive or rename the archived wave of that name, then deploy again');
    }
    return { wave: again, created: false };
  }
}

/** The application named `name`, found among `known` (the current listing) or created. */
export async function findOrCreateApplication(inv: MgnInvocation, name: string, known: readonly Application[]):
Promise<{ application: Application; created: boolean }> {
  const found = findByName(known, name);
  if (found) {
    return { application: found, created: false };
  }
  try {
    const application = await mgn(inv, 'CreateApplication', (c) => c.send(new CreateApplicationCommand({ name })),
      { expected: [MgnErrors.CONFLICT] });
    return { application, created: true };
  } catch (e) {
    if (!hasErrorName(e, MgnErrors.CONFLICT)) {
      throw e;
    }
    const again = await findListed(inv, () => listApplications(inv), name);
    if (!again) {
      throw new HandlerError(`CreateApplication "${name}" for ${inv.target} failed: MGN reports a conflict, yet lists no application of `
        + 'that name that is not archived; unarchive or rename the archived application, then deploy again');
    }
    return { application: again, created: false };
  }
}
