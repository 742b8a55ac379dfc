import { validationError } from './errors';

/**
 * Opaque `nextToken` paging: a token records the query it belongs to and the sequence number of the last item
 * returned, so every item present for the whole walk is returned exactly once even when items are added or
 * removed between pages. `maxResults` bounds (1..1000) are checked by the model before an operation runs.
 */

/** Page size when `maxResults` is absent (the service does not document its own). */
export const DEFAULT_PAGE_SIZE = 100;

/** One page of items and the token for the next, if any. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/** Cuts one page from `items`; `query` identifies the request, a token from another is refused. */
export function paginate<T extends { readonly seq: number }>(items: readonly T[],
  input: { readonly nextToken?: unknown; readonly maxResults?: unknown }, query: string): Page<T> {
  const size = typeof input.maxResults === 'number' ? input.maxResults : DEFAULT_PAGE_SIZE;
  const after = typeof input.nextToken === 'string' && input.nextToken !== '' ? decode(input.nextToken, query) : -1;
  const rest = [...items].sort((a, b) => a.seq - b.seq).filter((i) => i.seq > after);
  const page = rest.slice(0, size);
  return {
    items: page,
    nextToken: rest.length > size ? Buffer.from(JSON.stringify({ q: query, a: page[page.length - 1].seq })).toString('base64url') : undefined,
  };
}

function decode(token: string, query: string): number {
  let body: { q?: unknown; a?: unknown } | undefined;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { q?: unknown; a?: unknown };
  } catch {
    body = undefined;
  }
  if (!body || typeof body.a !== 'number' || typeof body.q !== 'string') {
    throw validationError(`nextToken ${token} is not valid`, 'fieldValidationFailed', [{ name: 'nextToken', message: 'invalid pagination token' }]);
  }
  if (body.q !== query) {
    throw validationError('nextToken belongs to a different request, repeat the original parameters with it', 'fieldValidationFailed',
      [{ name: 'nextToken', message: 'token of another request' }]);
  }
  return body.a;
}
