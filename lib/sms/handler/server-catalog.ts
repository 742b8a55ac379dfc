import { Server, paginateGetServers } from '@aws-sdk/client-sms';
import { HandlerError } from './errors';
import { Invocation } from './invocation';
import { readAllPages } from './listing';
import { ServerSelector } from './properties';

/**
 * Resolving a VM (name, inventory path or hypervisor id, optionally narrowed to one VM manager) to its SMS
 * server id. The whole catalog is read once per container, every page, and kept at module scope: a stack
 * with a hundred jobs then reads it once, not a hundred times. When a lookup finds nothing in a catalog read
 * by an earlier lookup, the catalog is read again, once, because it may have been re-imported since.
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
  let found = cached.servers.filter((s) => matches(s, selector));
  if (found.length === 0 && source === 'cache') {
    cached = await loadCatalog(inv);
    source = 'refetched';
    found = cached.servers.filter((s) => matches(s, selector));
  }
  inv.log('resolve-server', {
    operation: source === 'cache' ? undefined : 'GetServers',
    catalog: source,
    catalogSize: cached.servers.length,
    matches: found.length,
    resolvedServerId: found.length === 1 ? found[0].serverId : undefined,
  });
  if (found.length === 0) {
    throw notInCatalog(inv, selector, cached.status);
  }
  if (found.length > 1) {
    throw ambiguous(inv, found);
  }
  return found[0].serverId as string;
}

async function loadCatalog(inv: Invocation): Promise<Catalog> {
  const pages = await readAllPages(inv, 'GetServers', paginateGetServers, {});
  // The catalog status: that of the last page that has one (any page may leave the member out).
  const status = pages.reduce<string | undefined>((last, page) => page.serverCatalogStatus ?? last, undefined);
  const servers = pages.flatMap((page) => page.serverList ?? []);
  // A server without an id cannot be replicated; leave it out rather than resolve to nothing.
  return { servers: servers.filter((s) => typeof s.serverId === 'string' && s.serverId !== ''), status };
}

function matches(server: Server, selector: ServerSelector): boolean {
  const vm = server.vmServer;
  return (selector.vmName === undefined || vm?.vmName === selector.vmName)
    && (selector.vmPath === undefined || vm?.vmPath === selector.vmPath)
    && (selector.vmId === undefined || vm?.vmServerAddress?.vmId === selector.vmId)
    && (selector.vmManagerName === undefined || vm?.vmManagerName === selector.vmManagerName);
}

function notInCatalog(inv: Invocation, selector: ServerSelector, status: string | undefined): HandlerError {
  const searched = [
    selector.vmName !== undefined && selector.vmName !== inv.displayName ? `vmName "${selector.vmName}"` : undefined,
    selector.vmPath !== undefined ? `vmPath "${selector.vmPath}"` : undefined,
    selector.vmId !== undefined ? `vmId "${selector.vmId}"` : undefined,
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
