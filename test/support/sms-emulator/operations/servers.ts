import { SmsApiError, notPermitted } from '../errors';
import { pollImport } from '../lifecycle';
import { paginate } from '../paging';
import { ServerRecord } from '../records';
import { Wire, compact, seconds, serverView } from '../views';
import { OperationContext } from './context';

/**
 * Server catalog operations: GetServers, ImportServerCatalog, DeleteServerCatalog.
 */

interface GetServersInput {
  readonly nextToken?: string;
  readonly maxResults?: number;
  readonly vmServerAddressList?: ReadonlyArray<{ readonly vmManagerId?: string; readonly vmId?: string }>;
}

/** Lists the catalog; each call during an import counts as one poll of it. */
export function getServers(ctx: OperationContext, raw: Wire): Wire {
  const input = raw as GetServersInput;
  pollImport(ctx.store, ctx.now);
  const filters = input.vmServerAddressList ?? [];
  const matches = (s: ServerRecord) => filters.length === 0 || filters.some((f) =>
    (f.vmManagerId === undefined || f.vmManagerId === s.vmServer.vmServerAddress.vmManagerId)
    && (f.vmId === undefined || f.vmId === s.vmServer.vmServerAddress.vmId));
  const servers = ctx.store.catalogServers().filter(matches);
  const page = paginate(servers, (s) => s.seq, input, `GetServers:${JSON.stringify(filters)}`, ctx.store.limits);
  return compact({
    lastModifiedOn: seconds(ctx.store.catalogLastModified),
    serverCatalogStatus: ctx.store.catalogStatus,
    serverList: page.items.map((s) => serverView(ctx.store, s)),
    nextToken: page.nextToken,
  });
}

/** Starts an asynchronous import; needs a healthy connector. A second call during an import is a no-op. */
export function importServerCatalog(ctx: OperationContext): Wire {
  const store = ctx.store;
  if (![...store.connectors.values()].some((c) => c.status === 'HEALTHY')) {
    throw new SmsApiError('NoConnectorsAvailableException', 'no healthy connector is associated with this account');
  }
  if (store.catalogStatus === 'IMPORTING') {
    return {};
  }
  const timing = store.options.catalogImport ?? { afterPolls: 1 };
  store.catalogStatus = 'IMPORTING';
  store.pendingImport = { startedAt: ctx.now, polls: 0, afterPolls: timing.afterPolls, afterMs: timing.afterMs };
  return {};
}

/** Empties the catalog (jobs keep running); refused during an import. */
export function deleteServerCatalog(ctx: OperationContext): Wire {
  const store = ctx.store;
  if (store.catalogStatus === 'IMPORTING') {
    throw notPermitted('the server catalog is being imported, try again when serverCatalogStatus is AVAILABLE');
  }
  store.catalog = new Set();
  store.catalogStatus = 'DELETED';
  store.catalogLastModified = ctx.now;
  return {};
}
