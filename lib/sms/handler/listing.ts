import { SMSClient } from '@aws-sdk/client-sms';
import { readAllPages as readPages } from '../../handler-common/listing';
import { smsClient } from './client';
import { Invocation } from './invocation';

/**
 * Every page of one SMS listing (GetServers, GetReplicationJobs), read with the SDK's paginator through
 * the handler's client and retries (see lib/handler-common/listing.ts).
 */
export function readAllPages<I extends object, P extends { readonly nextToken?: string }>(inv: Invocation, operation: string,
  paginate: (config: { client: SMSClient }, input: I) => AsyncIterable<P>, input: I): Promise<P[]> {
  return readPages(inv, 'SMS', smsClient(), operation, paginate, input);
}
