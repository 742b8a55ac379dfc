import { paginate } from '../paging';
import { notFound } from '../errors';
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
  ListExports: () => ({ items: [] }),
  ListConnectors: () => ({ items: [] }),
  ListExportErrors: () => ({ items: [] }),
  ListTemplateActions: (ctx, input) => {
    if (!ctx.store.lcts.has(String(input.launchConfigurationTemplateID))) {
      throw notFound('LAUNCH_CONFIGURATION_TEMPLATE', String(input.launchConfigurationTemplateID));
    }
    return { items: [] };
  },
  DeleteVcenterClient: (ctx, input) => {
    if (!ctx.store.vcenterClients.delete(String(input.vcenterClientID))) {
      throw notFound('VCENTER_CLIENT', String(input.vcenterClientID));
    }
    return undefined;
  },
  ListSourceServerActions: (ctx, input) => {
    requireServer(ctx, input.sourceServerID);
    return { items: [] };
  },
};
