import { createHash } from 'crypto';

/**
 * Ownership of replication jobs. SMS jobs carry no tags, so the handler appends a marker to the job's
 * description: `[cdk-sms:<16 hex>]`, the first 64 bits of sha256(StackId + "/" + LogicalResourceId).
 * The StackId holds the stack's unique id, so the marker is the same for every request about one
 * resource (retries, updates, rollbacks) and differs between stacks, even between two stacks of the same
 * name deployed one after the other.
 */

const MARKER_PREFIX = '[cdk-sms:';

/** The marker of one resource: `[cdk-sms:0123456789abcdef]`. */
export function ownershipMarker(stackId: string, logicalResourceId: string): string {
  const digest = createHash('sha256').update(`${stackId}/${logicalResourceId}`).digest('hex');
  return `${MARKER_PREFIX}${digest.slice(0, 16)}]`;
}

/** The description sent to SMS: the user's text, a space, the marker (only the marker when there is no text). */
export function describeWithMarker(description: string, marker: string): string {
  return description === '' ? marker : `${description} ${marker}`;
}

/** True when a job's description carries `marker`, that is, when this resource made the job. */
export function isOwnedBy(description: string | undefined, marker: string): boolean {
  return description !== undefined && description.includes(marker);
}

/** Physical ids that SMS gives jobs (`sms-job-1a2b3c4d`). Anything else was never a job of this handler. */
const JOB_ID = /^sms-job-[A-Za-z0-9_-]+$/;

/** The physical id the Provider framework gives a resource whose Create failed. */
export const CREATE_FAILED_PREFIX = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';

/** True when a physical id can be a replication job this handler created. */
export function looksLikeJobId(physicalResourceId: string | undefined): physicalResourceId is string {
  return physicalResourceId !== undefined && !physicalResourceId.startsWith(CREATE_FAILED_PREFIX) && JOB_ID.test(physicalResourceId);
}
