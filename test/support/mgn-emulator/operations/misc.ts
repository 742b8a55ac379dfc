import { paginate } from '../paging';
import { OperationHandler, compact, requireServer } from './context';

/** InitializeService, vCenter clients and the read-only lists a deploy path may touch. */
export const MISC_OPERATIONS: Record<string, OperationHandler> = {
  // A second call answers 204 too (mgn-api.md §12.5: design choice, real behaviour unverified).
  InitializeService: (ctx) => {
    ctx.store.initialized = true;
    return undefined;
  },
  ListManagedAccounts: () => ({ items: [] }),
  DescribeVcenterClients: (ctx, input) => {
    const page = paginate([...ctx.store.vcenterClients.values()], input, 'DescribeVcenterClients');
    return compact({
      items: page.items.map((v) => ({ vcenterClientID: v.id, arn: v.arn, hostname: v.hostname, tags: { ...(ctx.store.tags.get(v.arn) ?? {}) } })),
      nextToken: page.nextToken,
    });
  },
  DescribeJobs: () => ({ items: [] }),
  ListExports: () => ({ items: [] }),
  ListSourceServerActions: (ctx, input) => {
    requireServer(ctx, input.sourceServerID);
    return { items: [] };
  },
};
