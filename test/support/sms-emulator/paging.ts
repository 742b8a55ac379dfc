import { invalidParameter } from './errors';

/**
 * Opaque `nextToken` paging. A token records the query it belongs to and the sequence number of the
 * last item returned, so pages stay correct when items are added or removed between calls: every item
 * present for the whole walk is returned exactly once.
 */

/** Paging members shared by the paginated inputs. */
export interface PageInput {
  readonly nextToken?: string;
  readonly maxResults?: number;
}

/** One page of items and the token for the next, if any. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

interface TokenBody {
  readonly q: string;
  readonly a: number;
}

/**
 * Cuts one page from `items` (sorted by `seqOf`, ascending).
 *
 * @param query identifies the query (operation plus filters); a token from another query is refused
 */
export function paginate<T>(items: readonly T[], seqOf: (item: T) => number, input: PageInput, query: string,
  limits: { readonly defaultPageSize: number; readonly maxPageSize: number }): Page<T> {
  if (input.maxResults !== undefined && input.maxResults < 1) {
    throw invalidParameter(`maxResults ${input.maxResults} is not valid, use a value of at least 1`);
  }
  const size = Math.min(input.maxResults ?? limits.defaultPageSize, limits.maxPageSize);
  const after = input.nextToken === undefined ? -1 : decode(input.nextToken, query);
  const sorted = [...items].sort((a, b) => seqOf(a) - seqOf(b));
  const rest = sorted.filter((item) => seqOf(item) > after);
  const page = rest.slice(0, size);
  const more = rest.length > size;
  return {
    items: page,
    nextToken: more ? encode({ q: query, a: seqOf(page[page.length - 1]) }) : undefined,
  };
}

function encode(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decode(token: string, query: string): number {
  let body: Partial<TokenBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    body = undefined;
  }
  if (!body || typeof body.a !== 'number' || typeof body.q !== 'string') {
    throw invalidParameter(`nextToken ${token} is not valid`);
  }
  if (body.q !== query) {
    throw invalidParameter('nextToken belongs to a different request, repeat the original parameters with it');
  }
  return body.a;
}
