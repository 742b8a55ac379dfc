import { CreateReplicationJobRequest, UpdateReplicationJobRequest } from '@aws-sdk/client-sms';
import { SmsLimits } from '../../private/sms-limits';
import { Data, Props } from './api';
import { OnEventResponse, STARTED_AT_KEY } from '../../handler-common/event';
import { describeWithMarker } from './ownership';
import { JobProperties } from './properties';

/**
 * Turning properties into SMS requests, and a job into the handler's answer.
 */

/** The CreateReplicationJob request. A SeedTime left out means "now": SMS requires the member. */
export function createRequest(props: JobProperties, serverId: string, marker: string, now: number): CreateReplicationJobRequest {
  return compact({
    serverId,
    seedReplicationTime: new Date(props.seedTime ?? now),
    ...(props.runOnce ? { runOnce: true } : { frequency: props.frequencyHours }),
    licenseType: props.licenseType,
    roleName: props.roleName,
    description: describeWithMarker(props.description, marker),
    numberOfRecentAmisToKeep: props.numberOfRecentAmisToKeep,
    encrypted: props.encrypted,
    kmsKeyId: props.kmsKeyId,
  });
}

/** What an in-place update sends, and what it could not do. */
export interface UpdatePlan {
  readonly request: UpdateReplicationJobRequest;
  /** False when no setting SMS holds changed: the call is skipped. */
  readonly changed: boolean;
  /** Properties removed that the Update API cannot unset: the job keeps its current value. */
  readonly kept: readonly string[];
  /** What became of a changed SeedTime. */
  readonly seedTime: 'unchanged' | 'rescheduled' | 'ignored-not-in-future';
}

/**
 * The UpdateReplicationJob request. It sends every setting, not a diff, so a job edited outside
 * CloudFormation is brought back to the template. Members the API cannot unset are handled so:
 * - NumberOfRecentAmisToKeep removed: sent as `SmsLimits.KEEP_EVERY_AMI`, which SMS reads as "keep every AMI";
 * - Encrypted removed: sent as false;
 * - LicenseType, RoleName or KmsKeyId removed: left out, so the job keeps its current value (reported in
 *   `kept`, and logged); getting automatic licensing back needs a new job;
 * - SeedTime changed to a future time: sent as nextReplicationRunStartTime (the only way to move the
 *   schedule); changed to a past time or removed: ignored, the job's schedule stands (SMS refuses a past
 *   nextReplicationRunStartTime, and the seed run of an existing job has happened or is scheduled).
 */
export function updatePlan(jobId: string, next: JobProperties, previous: JobProperties | undefined, marker: string,
  now: number): UpdatePlan {
  const settings = updateSettings(next, marker);
  let seedTime: UpdatePlan['seedTime'] = 'unchanged';
  let nextReplicationRunStartTime: Date | undefined;
  if (previous === undefined || previous.seedTime !== next.seedTime) {
    if (next.seedTime !== undefined && next.seedTime > now) {
      nextReplicationRunStartTime = new Date(next.seedTime);
      seedTime = 'rescheduled';
    } else if (previous !== undefined) {
      seedTime = 'ignored-not-in-future';
    }
  }
  const kept = ([
    previous?.licenseType !== undefined && next.licenseType === undefined ? Props.LICENSE_TYPE : undefined,
    previous?.roleName !== undefined && next.roleName === undefined ? Props.ROLE_NAME : undefined,
    previous?.kmsKeyId !== undefined && next.kmsKeyId === undefined && next.encrypted === true ? Props.KMS_KEY_ID : undefined,
  ] as (string | undefined)[]).filter((k): k is string => k !== undefined);
  const changed = previous === undefined || nextReplicationRunStartTime !== undefined
    || JSON.stringify(settings) !== JSON.stringify(updateSettings(previous, marker));
  return { request: compact({ replicationJobId: jobId, ...settings, nextReplicationRunStartTime }), changed, kept, seedTime };
}

/** The settings UpdateReplicationJob sends for `props`. */
function updateSettings(props: JobProperties, marker: string): Omit<UpdateReplicationJobRequest, 'replicationJobId'> {
  return {
    frequency: props.runOnce ? undefined : props.frequencyHours,
    licenseType: props.licenseType,
    roleName: props.roleName,
    description: describeWithMarker(props.description, marker),
    numberOfRecentAmisToKeep: props.numberOfRecentAmisToKeep ?? SmsLimits.KEEP_EVERY_AMI,
    encrypted: props.encrypted ?? false,
    kmsKeyId: props.kmsKeyId,
  };
}

/**
 * `request` without its undefined members: a member left out is what SMS reads as "not given" (automatic
 * license, service-linked role, ...), and the request logged or asserted shows only what is sent.
 */
function compact<T extends object>(request: T): T {
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as T;
}

/** The answer for a job: its id as the physical id, Data from api.ts, and when this step finished. */
export function jobResponse(jobId: string, serverId: string): OnEventResponse {
  return {
    PhysicalResourceId: jobId,
    Data: { [Data.REPLICATION_JOB_ID]: jobId, [Data.SERVER_ID]: serverId },
    [STARTED_AT_KEY]: Date.now(),
  };
}
