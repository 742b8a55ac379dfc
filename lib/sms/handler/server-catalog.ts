import { Server, paginateGetServers } from '@aws-sdk/client-sms';
import { HandlerError } from '../../handler-common/errors';
import { Invocation } from './invocation';
import { readAllPages } from './listing';
import { ServerSelector } from './properties';

/**
 * Resolving a VM to its SMS server id, by the most certain identity it has: the catalog id (serverId) as
 * given; else the VM manager's id with the VM's id (`vmServerAddress.vmManagerId` + `vmId`: a vCenter's
 * UUID and the VM's MoRef, unique across vCenters); else the VM id alone; else the inventory path; else
 * the name. A vmManagerName (and a vmManagerId given without a vmId) narrows every step. The first
 * identity that finds one server wins, so a VM renamed or moved since the plan was written is still found
 * by its ids; one that finds several is narrowed by the weaker identities, and fails when they cannot
 * tell the servers apart.
 *
 * The whole catalog is read once per container, every page, and kept at module scope: a stack with a
 * hundred jobs then reads it once, not a hundred times. When a lookup finds nothing in a catalog read by
 * an earlier lookup, the catalog is read again, once, because it may have been re-imported since.
 */

interface Catalog {
  readonly servers: readonly Server[];
  readonly status?: string;
}

let cached: Catalog | undefined;

/** Forgets the cached catalog (tests; a new container starts without one anyway). */
export function resetServerCatalogCache(): void {
  cached = undefined;
}

/**
 * The server id for `selector`: as given, or looked up in the catalog.
 *
 * @throws HandlerError when no server or several servers match
 */
export async function resolveServerId(inv: Invocation, selector: ServerSelector): Promise<string> {
  if (selector.serverId !== undefined) {
    return selector.serverId;
  }
  let source: 'cache' | 'fetched' | 'refetched' = 'cache';
  if (!cached) {
    cached = await loadCatalog(inv);
    source = 'fetched';
  }
  let found = lookUp(cached.servers, selector);
  if (found.servers.length === 0 && source === 'cache') {
    cached = await loadCatalog(inv);
    source = 'refetched';
    found = lookUp(cached.servers, selector);
  }
  inv.log('resolve-server', {
    operation: source === 'cache' ? undefined : 'GetServers',
    catalog: source,
    catalogSize: cached.servers.length,
    matches: found.servers.length,
    matchedBy: found.by,
    resolvedServerId: found.servers.length === 1 ? found.servers[0].serverId : undefined,
  });
  if (found.servers.length === 0) {
    throw notInCatalog(inv, selector, cached.status);
  }
  if (found.servers.length > 1) {
    throw ambiguous(inv, found.servers);
  }
  return found.servers[0].serverId as string;
}

/** One identity of a selector: how logs name it, and whether a server has it. */
interface Identity {
  readonly by: string;
  readonly has: (server: Server) => boolean;
}

const sameId = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** The identities a selector gives, most certain first, each narrowed by the VM manager when one is named. */
function identities(selector: ServerSelector): Identity[] {
  const { vmName, vmPath, vmId, vmManagerId, vmManagerName } = selector;
  const managed = (server: Server): boolean => (vmManagerName === undefined || server.vmServer?.vmManagerName === vmManagerName)
    && (vmManagerId === undefined || sameId(server.vmServer?.vmServerAddress?.vmManagerId, vmManagerId));
  const list: Identity[] = [];
  if (vmId !== undefined) {
    list.push({ by: vmManagerId !== undefined ? 'vmManagerId+vmId' : 'vmId', has: (s) => s.vmServer?.vmServerAddress?.vmId === vmId && managed(s) });
  }
  if (vmPath !== undefined) {
    list.push({ by: 'vmPath', has: (s) => s.vmServer?.vmPath === vmPath && managed(s) });
  }
  if (vmName !== undefined) {
    list.push({ by: 'vmName', has: (s) => s.vmServer?.vmName === vmName && managed(s) });
  }
  return list;
}

/**
 * The servers the most certain identity finds: the first identity that finds any; several are narrowed by
 * each weaker identity in turn, the first that leaves one deciding.
 */
export function lookUp(servers: readonly Server[], selector: ServerSelector): { servers: readonly Server[]; by?: string } {
  const list = identities(selector);
  for (let i = 0; i < list.length; i++) {
    const found = servers.filter(list[i].has);
    if (found.length === 1) {
      return { servers: found, by: list[i].by };
    }
    if (found.length > 1) {
      for (const weaker of list.slice(i + 1)) {
        const narrowed = found.filter(weaker.has);
        if (narrowed.length === 1) {
          return { servers: narrowed, by: `${list[i].by}, ${weaker.by}` };
        }
      }
      return { servers: found, by: list[i].by };
    }
  }
  return { servers: [] };
}

async function loadCatalog(inv: Invocation): Promise<Catalog> {
  const pages = await readAllPages(inv, 'GetServers', paginateGetServers, {});
  // The catalog status: that of the last page that has one (any page may leave the member out).
  const status = pages.reduce<string | undefined>((last, page) => page.serverCatalogStatus ?? last, undefined);
  const servers = pages.flatMap((page) => page.serverList ?? []);
  // A server without an id cannot be replicated; leave it out rather than resolve to nothing.
  return { servers: servers.filter((s) => typeof s.serverId === 'string' && s.serverId !== ''), status };
}

function notInCatalog(inv: Invocation, selector: ServerSelector, status: string | undefined): HandlerError {
  // Each identity was looked for on its own; the message lists them all.
  const searched = [
    selector.vmName !== undefined && selector.vmName !== inv.displayName ? `vmName "${selector.vmName}"` : undefined,
    selector.vmPath !== undefined ? `vmPath "${selector.vmPath}"` : undefined,
    selector.vmId !== undefined ? `vmId "${selector.vmId}"` : undefined,
    selector.vmManagerId !== undefined ? `vmManagerId "${selector.vmManagerId}"` : undefined,
    selector.vmManagerName !== undefined ? `vmManagerName "${selector.vmManagerName}"` : undefined,
  ].filter((s): s is string => s !== undefined);
  const notes = [
    searched.length > 0 ? `looked for ${searched.join(' and ')}` : undefined,
    status !== undefined && status.toUpperCase() !== 'AVAILABLE' ? `the catalog status is ${status}` : undefined,
  ].filter((s): s is string => s !== undefined);
  return new HandlerError(`VM "${inv.displayName}" is not in the SMS server catalog (import the catalog with the connector first, `
    + `or check the name)${notes.map((n) => `; ${n}`).join('')}`);
}

function ambiguous(inv: Invocation, found: readonly Server[]): HandlerError {
  const candidates = found.map((s) => `${s.serverId} (vmPath "${s.vmServer?.vmPath ?? '?'}", vmManagerName `
    + `"${s.vmServer?.vmManagerName ?? '?'}")`);
  return new HandlerError(`VM "${inv.displayName}" matches ${found.length} servers in the SMS server catalog: ${candidates.join(', ')}; `
    + 'narrow it with the vmManagerName or vmPath, or give the serverId');
}
