import { TERMINAL_STATES } from './lifecycle';
import { ConnectorRecord, JobRecord, RunRecord, ServerRecord } from './records';
import { EmulatorStore } from './state';

/**
 * Wire views: records turned into the model's output structures, timestamps as epoch seconds and absent
 * members left out (the SDK maps missing members to undefined).
 */

/** A JSON object for the wire. */
export type Wire = Record<string, unknown>;

/** Epoch milliseconds → epoch seconds (fractions allowed, as AWS sends them). */
export function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}

/** Drops undefined members so JSON.stringify and the output check see only real members. */
export function compact(obj: Wire): Wire {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** The `Server` structure. */
export function serverView(store: EmulatorStore, server: ServerRecord): Wire {
  const link = store.links.get(server.serverId);
  return compact({
    serverId: server.serverId,
    serverType: 'VIRTUAL_MACHINE',
    vmServer: vmServerView(server.vmServer),
    replicationJobId: link?.jobId,
    replicationJobTerminated: link?.terminated,
  });
}

/** The `VmServer` structure. */
export function vmServerView(vm: ServerRecord['vmServer']): Wire {
  return {
    vmServerAddress: { vmManagerId: vm.vmServerAddress.vmManagerId, vmId: vm.vmServerAddress.vmId },
    vmName: vm.vmName,
    vmManagerName: vm.vmManagerName,
    vmManagerType: vm.vmManagerType,
    vmPath: vm.vmPath,
  };
}

/** The `Connector` structure. */
export function connectorView(c: ConnectorRecord): Wire {
  return {
    connectorId: c.connectorId,
    version: c.version,
    status: c.status,
    capabilityList: [...c.capabilityList],
    vmManagerName: c.vmManagerName,
    vmManagerType: c.vmManagerType,
    vmManagerId: c.vmManagerId,
    ipAddress: c.ipAddress,
    macAddress: c.macAddress,
    associatedOn: seconds(c.associatedOn),
  };
}

/** The `ReplicationRun` structure. */
export function runView(run: RunRecord): Wire {
  return compact({
    replicationRunId: run.replicationRunId,
    state: run.state,
    type: run.type,
    stageDetails: run.stageDetails ? { ...run.stageDetails } : undefined,
    statusMessage: run.statusMessage,
    amiId: run.amiId,
    scheduledStartTime: seconds(run.scheduledStartTime),
    completedTime: seconds(run.completedTime),
    description: run.description,
    encrypted: run.encrypted,
    kmsKeyId: run.kmsKeyId,
  });
}

/**
 * The `ReplicationJob` structure with every member the API returns. Unset optional settings come back as
 * their effective values (`runOnce` false, `encrypted` false, `numberOfRecentAmisToKeep` 0 = keep all).
 */
export function jobView(job: JobRecord): Wire {
  return compact({
    replicationJobId: job.replicationJobId,
    serverId: job.serverId,
    serverType: 'VIRTUAL_MACHINE',
    vmServer: vmServerView(job.vmServer),
    seedReplicationTime: seconds(job.seedReplicationTime),
    frequency: job.frequency,
    runOnce: job.runOnce ?? false,
    nextReplicationRunStartTime: TERMINAL_STATES.includes(job.state) ? undefined : seconds(job.nextReplicationRunStartTime),
    licenseType: job.licenseType,
    roleName: job.roleName,
    latestAmiId: job.latestAmiId,
    state: job.state,
    statusMessage: job.statusMessage,
    description: job.description,
    numberOfRecentAmisToKeep: job.numberOfRecentAmisToKeep ?? 0,
    encrypted: job.encrypted ?? false,
    kmsKeyId: job.kmsKeyId,
    replicationRunList: job.runs.map(runView),
  });
}
