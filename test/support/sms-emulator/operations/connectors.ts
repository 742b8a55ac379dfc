import { invalidParameter } from '../errors';
import { paginate } from '../paging';
import { Wire, compact, connectorView } from '../views';
import { OperationContext } from './context';

/**
 * Connector operations: GetConnectors, DisassociateConnector.
 */

/** Lists connectors with paging. */
export function getConnectors(ctx: OperationContext, raw: Wire): Wire {
  const input = raw as { nextToken?: string; maxResults?: number };
  const page = paginate([...ctx.store.connectors.values()], (c) => c.seq, input, 'GetConnectors', ctx.store.limits);
  return compact({ connectorList: page.items.map(connectorView), nextToken: page.nextToken });
}

/** Removes a connector; its VM manager's servers can then get no new jobs. */
export function disassociateConnector(ctx: OperationContext, raw: Wire): Wire {
  const { connectorId } = raw as { connectorId: string };
  if (!ctx.store.connectors.delete(connectorId)) {
    throw invalidParameter(`connectorId ${connectorId} is not associated with this account`);
  }
  return {};
}
