import { notFound } from '../errors';
import { paginate } from '../paging';
import { templateView } from '../records';
import { TemplateRecord } from '../state';
import { OpContext, OperationHandler, clone, inList } from './context';

/** Replication and launch configuration templates (§3.2, §3.3). */

const RCT_ID = 'replicationConfigurationTemplateID';
const LCT_ID = 'launchConfigurationTemplateID';

function body(input: Record<string, unknown>, drop: readonly string[]): Record<string, unknown> {
  const out = clone(input);
  for (const k of drop) {
    delete out[k];
  }
  return out;
}

function createTemplate(ctx: OpContext, kind: 'rct' | 'lct', input: Record<string, unknown>): TemplateRecord {
  const { store } = ctx;
  const map = kind === 'rct' ? store.rcts : store.lcts;
  const id = store.ids.next(`${kind}-`);
  const arn = store.arn(kind === 'rct' ? 'replication-configuration-template' : 'launch-configuration-template', id);
  const t: TemplateRecord = { id, arn, seq: store.nextSeq(), body: { ...body(input, ['tags']), [kind === 'rct' ? RCT_ID : LCT_ID]: id, arn } };
  if (kind === 'lct') {
    t.body.ec2LaunchTemplateID = store.createLaunchTemplate(id, { InstanceType: 't3.medium' }).id;
  }
  map.set(id, t);
  Object.assign(store.tagsOf(arn), (input.tags as Record<string, string> | undefined) ?? {});
  return t;
}

function requireTemplate(ctx: OpContext, kind: 'rct' | 'lct', id: unknown): TemplateRecord {
  const t = (kind === 'rct' ? ctx.store.rcts : ctx.store.lcts).get(String(id));
  if (!t) {
    throw notFound(kind === 'rct' ? 'REPLICATION_CONFIGURATION_TEMPLATE' : 'LAUNCH_CONFIGURATION_TEMPLATE', String(id));
  }
  return t;
}

function describe(ctx: OpContext, kind: 'rct' | 'lct', input: Record<string, unknown>, op: string) {
  const map = kind === 'rct' ? ctx.store.rcts : ctx.store.lcts;
  const ids = input[kind === 'rct' ? 'replicationConfigurationTemplateIDs' : 'launchConfigurationTemplateIDs'];
  const page = paginate([...map.values()].filter((t) => inList(ids, t.id)), input, `${op}:${JSON.stringify(ids ?? [])}`);
  return { items: page.items.map((t) => templateView(ctx.store, t)), nextToken: page.nextToken };
}

export const TEMPLATE_OPERATIONS: Record<string, OperationHandler> = {
  CreateReplicationConfigurationTemplate: (ctx, input) => templateView(ctx.store, createTemplate(ctx, 'rct', input)),
  CreateLaunchConfigurationTemplate: (ctx, input) => templateView(ctx.store, createTemplate(ctx, 'lct', input)),
  UpdateReplicationConfigurationTemplate: (ctx, input) => {
    const t = requireTemplate(ctx, 'rct', input[RCT_ID]);
    Object.assign(t.body, body(input, [RCT_ID, 'arn']));
    return templateView(ctx.store, t);
  },
  UpdateLaunchConfigurationTemplate: (ctx, input) => {
    const t = requireTemplate(ctx, 'lct', input[LCT_ID]);
    Object.assign(t.body, body(input, [LCT_ID]));
    return templateView(ctx.store, t);
  },
  DeleteReplicationConfigurationTemplate: (ctx, input) => {
    ctx.store.rcts.delete(requireTemplate(ctx, 'rct', input[RCT_ID]).id);
    return undefined;
  },
  DeleteLaunchConfigurationTemplate: (ctx, input) => {
    ctx.store.lcts.delete(requireTemplate(ctx, 'lct', input[LCT_ID]).id);
    return undefined;
  },
  DescribeReplicationConfigurationTemplates: (ctx, input) => describe(ctx, 'rct', input, 'DescribeReplicationConfigurationTemplates'),
  DescribeLaunchConfigurationTemplates: (ctx, input) => describe(ctx, 'lct', input, 'DescribeLaunchConfigurationTemplates'),
};
