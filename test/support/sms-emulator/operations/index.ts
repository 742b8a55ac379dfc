import { getConnectors, disassociateConnector } from './connectors';
import { OperationHandler } from './context';
import { createReplicationJob, deleteReplicationJob, getReplicationJobs, updateReplicationJob } from './replication-jobs';
import { getReplicationRuns, startOnDemandReplicationRun } from './replication-runs';
import { deleteServerCatalog, getServers, importServerCatalog } from './servers';

export type { OperationContext, OperationHandler } from './context';

/**
 * The implemented operations, by model name. Other modelled operations (the App and validation APIs)
 * answer NotImplementedException (501).
 */
export const OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  CreateReplicationJob: createReplicationJob,
  DeleteReplicationJob: deleteReplicationJob,
  DeleteServerCatalog: deleteServerCatalog,
  DisassociateConnector: disassociateConnector,
  GetConnectors: getConnectors,
  GetReplicationJobs: getReplicationJobs,
  GetReplicationRuns: getReplicationRuns,
  GetServers: getServers,
  ImportServerCatalog: importServerCatalog,
  StartOnDemandReplicationRun: startOnDemandReplicationRun,
  UpdateReplicationJob: updateReplicationJob,
};
