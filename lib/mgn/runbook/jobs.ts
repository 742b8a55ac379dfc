import { DescribeJobLogItemsCommand, DescribeJobsCommand, Job, JobLog } from '@aws-sdk/client-mgn';
import { RunbookContext } from './context';
import { RunbookServer, serverLabel } from './wave';

/**
 * MGN's launch jobs as the runbook reads them: a server's last test or cutover job (its lifecycle names it),
 * how the server's launch went in it, and why it failed (the job log).
 */

/** Job ids per DescribeJobs filter (the model's bound). */
const IDS_PER_FILTER = 1000;

/** How one server's launch stands in its last job. */
export type LaunchOutcome =
  /** The job has not completed yet. */
  | 'running'
  /** Launched. */
  | 'launched'
  /** The launch failed (or the instance was terminated, or MGN no longer knows the job). */
  | 'failed';

/** The jobs named, by id (those MGN still knows). */
export async function describeJobs(ctx: RunbookContext, what: string, ids: readonly string[]): Promise<Map<string, Job>> {
  const unique = [...new Set(ids)];
  const jobs = new Map<string, Job>();
  for (let i = 0; i < unique.length; i += IDS_PER_FILTER) {
    const chunk = unique.slice(i, i + IDS_PER_FILTER);
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await ctx.call('DescribeJobs', what, (c) => c.send(new DescribeJobsCommand({ filters: { jobIDs: chunk }, nextToken: token })));
      (page.items ?? []).forEach((j) => j.jobID !== undefined && jobs.set(j.jobID, j));
      nextToken = page.nextToken || undefined;
    } while (nextToken !== undefined);
  }
  return jobs;
}

/** How `server`'s launch stands in `job` (undefined: MGN no longer knows the job). */
export function launchOutcome(job: Job | undefined, serverId: string): LaunchOutcome {
  if (job === undefined) {
    return 'failed';
  }
  if (job.status !== 'COMPLETED') {
    return 'running';
  }
  const participant = (job.participatingServers ?? []).find((p) => p.sourceServerID === serverId);
  return participant?.launchStatus === 'LAUNCHED' ? 'launched' : 'failed';
}

/** Log events that say why a server's launch failed. */
const FAILURE_EVENTS = new Set(['LAUNCH_FAILED', 'CONVERSION_FAIL', 'SNAPSHOT_FAIL', 'CLEANUP_FAIL', 'SERVER_SKIPPED', 'JOB_CANCEL']);

/**
 * Why `server`'s launch in job `jobId` failed, from the job's log (DescribeJobLogItems): the raw errors of its
 * failure events, in order, or a sentence saying the log gives none.
 */
export async function launchFailureReason(ctx: RunbookContext, jobId: string | undefined, server: RunbookServer): Promise<string> {
  if (jobId === undefined) {
    return 'MGN names no launch job for it';
  }
  const logs: JobLog[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await ctx.call('DescribeJobLogItems', serverLabel(server),
      (c) => c.send(new DescribeJobLogItemsCommand({ jobID: jobId, maxResults: 1000, nextToken: token })));
    logs.push(...page.items ?? []);
    nextToken = page.nextToken || undefined;
  } while (nextToken !== undefined);
  const reasons = logs.filter((l) => l.eventData?.sourceServerID === server.id && l.event !== undefined && FAILURE_EVENTS.has(l.event))
    .map((l) => (l.eventData?.rawError?.trim() ? `${l.event}: ${l.eventData.rawError.trim()}` : `${l.event}`));
  if (reasons.length > 0) {
    return [...new Set(reasons)].join('; ');
  }
  return logs.length === 0 ? `job ${jobId} is not known to MGN any more, or has no log` : `job ${jobId}'s log gives no reason`;
}
