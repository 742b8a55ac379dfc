import { HandlerError } from './errors';

/**
 * Reads every page of a paginated SMS operation (`nextToken` in, `nextToken` out). Each page is fetched by
 * `fetchPage`, which brings its own retries. A token that comes back twice would loop for ever: that is
 * reported instead.
 */
export async function collectPages<P extends { nextToken?: string }, T>(
  fetchPage: (nextToken: string | undefined) => Promise<P>,
  itemsOf: (page: P) => readonly T[],
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    items.push(...itemsOf(page));
    nextToken = page.nextToken === '' ? undefined : page.nextToken;
    if (nextToken !== undefined) {
      if (seen.has(nextToken)) {
        throw new HandlerError(`SMS returned the page token "${nextToken}" twice while listing; deploy again later`);
      }
      seen.add(nextToken);
    }
  } while (nextToken !== undefined);
  return items;
}
