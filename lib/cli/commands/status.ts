import {
  DescribeSourceServersCommand, GetLaunchConfigurationCommand, GetReplicationConfigurationCommand, MgnClient,
} from '@aws-sdk/client-mgn';
import { loadPlanFile, LoadedPlan, PlanFileError } from '../../plan';
import { CliIo, UsageError } from '../io';
import { DesiredServerOf, MgnCallError, MgnReader, readStatus, renderStatusJson, renderStatusTable } from '../status-report';
import { desiredServerOfPlan } from '../status-desired';

/** The formats `status` writes. */
export const STATUS_FORMATS: readonly string[] = ['table', 'json'];

/** The exit status when MGN could not be read (3 is the tool's own fault, in run.ts). */
export const STATUS_AWS_ERROR = 4;

/** Options of the `status` command, as parsed. */
export interface StatusCommandOptions {
  readonly format: string;
  readonly region?: string;
}

/** The MGN reader over an SDK client; `maxAttempts` stays the SDK's default, as the command runs once. */
export function mgnReader(client: MgnClient): MgnReader {
  return {
    describeSourceServers: (nextToken) => client.send(new DescribeSourceServersCommand({ filters: {}, maxResults: 1000, nextToken })),
    getReplicationConfiguration: (sourceServerID) => client.send(new GetReplicationConfigurationCommand({ sourceServerID })),
    getLaunchConfiguration: (sourceServerID) => client.send(new GetLaunchConfigurationCommand({ sourceServerID })),
  };
}

/** What the command uses, replaceable by tests. */
export interface StatusDependencies {
  /** The reader of a Region. @default - an MgnClient from the standard environment */
  readonly reader?: (region: string) => MgnReader;
  /** What the plan wants of each server. @default - desiredServerOfPlan */
  readonly desiredOf?: (loaded: LoadedPlan, region: string) => DesiredServerOf;
}

/**
 * Reads where each VM of a plan stands in MGN and prints it. Read-only. Exit status: 0 when MGN was
 * read (whatever the servers' states), 2 for input that cannot be used (the plan file, an option, no
 * Region), 4 when a call to MGN fails (one line naming the call and MGN's error).
 */
export async function statusCommand(file: string, options: StatusCommandOptions, io: CliIo, deps: StatusDependencies = {}): Promise<number> {
  if (!STATUS_FORMATS.includes(options.format)) {
    throw new UsageError(`--format ${options.format} is not a status format: use one of ${STATUS_FORMATS.join(', ')}`);
  }
  let loaded: LoadedPlan;
  try {
    // Read for its VMs only: acknowledgements are not checked against the rule packs, which stay out of this bundle.
    loaded = loadPlanFile(file);
  } catch (e) {
    if (e instanceof PlanFileError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const region = options.region ?? nonEmpty(io.env.AWS_REGION) ?? nonEmpty(io.env.AWS_DEFAULT_REGION) ?? loaded.plan.mgn?.region;
  if (region === undefined) {
    throw new UsageError('no Region to read: give --region, set AWS_REGION, or set mgn.region in the plan');
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) {
    throw new UsageError(`--region ${region} is not a Region code such as eu-west-1`);
  }
  const reader = (deps.reader ?? ((r: string) => mgnReader(new MgnClient({ region: r }))))(region);
  const desiredOf = (deps.desiredOf ?? desiredServerOfPlan)(loaded, region);
  try {
    const report = await readStatus(loaded.plan, loaded.file, region, reader, desiredOf);
    io.stdout(options.format === 'json' ? renderStatusJson(report) : renderStatusTable(report));
    return 0;
  } catch (e) {
    if (e instanceof MgnCallError) {
      io.stderr(`cdk-sms: ${e.message}\n`);
      return STATUS_AWS_ERROR;
    }
    throw e;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
