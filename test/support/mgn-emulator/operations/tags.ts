import { notFound, validationError } from '../errors';
import { OperationHandler } from './context';
import { OpContext } from './context';

/** Tag operations on `/tags/{resourceArn}` (§3.14): any known ARN, at most 50 tags each. */

const MAX_TAGS = 50;

function requireArn(ctx: OpContext, arn: string): Record<string, string> {
  const { store } = ctx;
  const m = /^arn:aws:mgn:([^:]+):(\d{12}):([a-z-]+)\/(.+)$/.exec(arn);
  const id = m?.[4];
  const known = id !== undefined && m?.[1] === store.region && m?.[2] === store.accountId && (store.servers.has(id)
    || store.applications.has(id) || store.waves.has(id) || store.rcts.has(id) || store.lcts.has(id) || store.imports.has(id)
    || store.vcenterClients.has(id));
  if (!known) {
    throw notFound('RESOURCE', arn);
  }
  return store.tagsOf(arn);
}

export const TAG_OPERATIONS: Record<string, OperationHandler> = {
  ListTagsForResource: (ctx, input) => ({ tags: { ...requireArn(ctx, String(input.resourceArn)) } }),
  TagResource: (ctx, input) => {
    const tags = requireArn(ctx, String(input.resourceArn));
    const merged = { ...tags, ...(input.tags as Record<string, string>) };
    if (Object.keys(merged).length > MAX_TAGS) {
      throw validationError(`a resource has at most ${MAX_TAGS} tags`, 'fieldValidationFailed', [{ name: 'tags', message: `more than ${MAX_TAGS} tags` }]);
    }
    Object.assign(tags, input.tags);
    return undefined;
  },
  UntagResource: (ctx, input) => {
    const tags = requireArn(ctx, String(input.resourceArn));
    for (const k of input.tagKeys as string[]) {
      delete tags[k];
    }
    return undefined;
  },
};
