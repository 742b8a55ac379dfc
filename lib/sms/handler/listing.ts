import { SMSClient, SMSPaginationConfiguration } from '@aws-sdk/client-sms';
import { smsClient } from './client';
import { HandlerError } from './errors';
import { Invocation } from './invocation';
import { callSms } from './retry';

/**
 * Reading every page of a paginated SMS listing (GetServers, GetReplicationJobs) with the SDK's own
 * paginators (`paginateGetServers`, ...), each page call going through the handler's retries.
 *
 * What this relies on in the paginators of @aws-sdk/client-sms 3.523 (`createPaginator` of @smithy/core
 * 1.4): a paginator
 * - starts from `config.startingToken || undefined`: no starting token is given, so the first call sends
 *   no `nextToken`;
 * - sets `input.nextToken` and `input.maxResults = input.maxResults ?? config.pageSize` on the ONE input
 *   object it is given, then sends `new Command(input)` with `config.client.send(command)`, and awaits it
 *   before it yields the page and reads the page's `nextToken`. No `pageSize` is given: SMS's default
 *   page size applies, as it did before;
 * - goes on while the page's `nextToken` is truthy, so a missing or empty-string `nextToken` ends the
 *   listing;
 * - refuses a `config.client` that is not `instanceof SMSClient` ("Invalid client, expected instance of
 *   SMSClient"): the client given is the handler's own SMSClient behind a Proxy (see `retryingClient`),
 *   which answers `instanceof` like it;
 * - with `stopOnSameToken` would stop, silently, only when a token repeats the one just before. That
 *   option is not used: a token that comes back at any distance would otherwise page for ever, and a
 *   silent stop would hand back a partial listing. The tokens are checked here instead, page by page,
 *   before the paginator asks for the next one.
 */

/** What every page of a paginated SMS listing has. */
interface Page {
  readonly nextToken?: string;
}

/** A command as `SMSClient.send` takes it. */
type SmsCommand = Parameters<SMSClient['send']>[0];

/**
 * Every page of one listing, in order.
 *
 * @param operation the operation's name, for retries and messages (`GetServers`)
 * @param paginate the SDK's paginator of that operation (`paginateGetServers`)
 * @param input the request's members other than the paging ones; it is copied, never changed
 * @throws HandlerError when a page call fails for good, or when SMS hands back a page token twice
 */
export async function readAllPages<I extends object, P extends Page>(inv: Invocation, operation: string,
  paginate: (config: SMSPaginationConfiguration, input: I) => AsyncIterable<P>, input: I): Promise<P[]> {
  const pages: P[] = [];
  const seen = new Set<string>();
  for await (const page of paginate({ client: retryingClient(inv, operation) }, { ...input })) {
    pages.push(page);
    const token = page.nextToken;
    if (token) {
      if (seen.has(token)) {
        throw new HandlerError(`SMS returned the page token "${token}" twice while listing; deploy again later`);
      }
      seen.add(token);
    }
  }
  return pages;
}

/**
 * The client a paginator is given: the handler's client (`smsClient()`, the test's mock or emulator
 * client included), with `send` replaced by one that runs each call through {@link callSms}, so throttled
 * and failed pages are retried until the deadline like every other call (the client itself makes one
 * attempt). Everything else reaches the real client, and `instanceof SMSClient` holds as it does for it.
 *
 * Each attempt sends a command of its own, with a copy of the input as it is when the page is asked for:
 * the paginator reuses one input object for every page and changes its `nextToken` afterwards, which
 * would otherwise show through every earlier command (in a mock's recorded calls, say).
 */
function retryingClient(inv: Invocation, operation: string): SMSClient {
  const client = smsClient();
  const send = (command: SmsCommand) => {
    const Command = command.constructor as new (input: object) => SmsCommand;
    const input = { ...command.input };
    return callSms(inv, operation, () => client.send(new Command(input)));
  };
  return new Proxy(client, {
    get: (target, property, receiver) => (property === 'send' ? send : Reflect.get(target, property, receiver)),
  });
}
