import { HandlerError } from './errors';
import { Invocation } from './invocation';
import { CallOptions, callService } from './retry';

/**
 * Reading every page of a paginated listing (SMS GetServers, MGN DescribeSourceServers, ...) with the SDK's
 * own paginators (`paginateGetServers`, ...), each page call going through the handler's retries.
 *
 * What this relies on in the paginators of the 3.523 clients (`createPaginator` of @smithy/core
 * 1.4): a paginator
 * - starts from `config.startingToken || undefined`: no starting token is given, so the first call sends
 *   no `nextToken`;
 * - sets `input.nextToken` and `input.maxResults = input.maxResults ?? config.pageSize` on the ONE input
 *   object it is given, then sends `new Command(input)` with `config.client.send(command)`, and awaits it
 *   before it yields the page and reads the page's `nextToken`. No `pageSize` is given: the service's
 *   default page size applies;
 * - goes on while the page's `nextToken` is truthy, so a missing or empty-string `nextToken` ends the
 *   listing;
 * - refuses a `config.client` that is not `instanceof` its client class ("Invalid client, expected instance
 *   of SMSClient"): the client given is the handler's own client behind a Proxy (see `retryingClient`),
 *   which answers `instanceof` like it;
 * - with `stopOnSameToken` would stop, silently, only when a token repeats the one just before. That
 *   option is not used: a token that comes back at any distance would otherwise page for ever, and a
 *   silent stop would hand back a partial listing. The tokens are checked here instead, page by page,
 *   before the paginator asks for the next one.
 */

/** What every page of a paginated listing has. */
interface Page {
  readonly nextToken?: string;
}

/** A command as a client's `send` takes it. */
interface AnyCommand {
  readonly input: object;
}

/** The one method of a client the pages are read through. */
interface Sender {
  send(command: AnyCommand): Promise<unknown>;
}

/**
 * Every page of one listing, in order.
 *
 * @param service the service, for messages (`SMS`)
 * @param client the handler's client of that service (the test's mock or emulator client included)
 * @param operation the operation's name, for retries and messages (`GetServers`)
 * @param paginate the SDK's paginator of that operation (`paginateGetServers`)
 * @param input the request's members other than the paging ones; it is copied, never changed
 * @param options what each page call may meet (errors rethrown untouched for the caller)
 * @throws HandlerError when a page call fails for good, or when the service hands back a page token twice
 */
export async function readAllPages<C extends object, I extends object, P extends Page>(inv: Invocation, service: string, client: C,
  operation: string, paginate: (config: { client: C }, input: I) => AsyncIterable<P>, input: I, options: CallOptions = {}): Promise<P[]> {
  const pages: P[] = [];
  const seen = new Set<string>();
  for await (const page of paginate({ client: retryingClient(inv, service, client, operation, options) }, { ...input })) {
    pages.push(page);
    const token = page.nextToken;
    if (token) {
      if (seen.has(token)) {
        throw new HandlerError(`${service} returned the page token "${token}" twice while listing; deploy again later`);
      }
      seen.add(token);
    }
  }
  return pages;
}

/**
 * The client a paginator is given: the handler's client, with `send` replaced by one that runs each call
 * through {@link callService}, so throttled and failed pages are retried until the deadline like every
 * other call (the client itself makes one attempt). Everything else reaches the real client, and
 * `instanceof` its class holds as it does for it.
 *
 * Each attempt sends a command of its own, with a copy of the input as it is when the page is asked for:
 * the paginator reuses one input object for every page and changes its `nextToken` afterwards, which
 * would otherwise show through every earlier command (in a mock's recorded calls, say).
 */
function retryingClient<C extends object>(inv: Invocation, service: string, client: C, operation: string, options: CallOptions): C {
  const sender = client as unknown as Sender;
  const send = (command: AnyCommand) => {
    const Command = command.constructor as new (input: object) => AnyCommand;
    const input = { ...command.input };
    return callService(inv, service, operation, () => sender.send(new Command(input)), options);
  };
  return new Proxy(client, {
    get: (target, property, receiver) => (property === 'send' ? send : Reflect.get(target, property, receiver)),
  });
}
