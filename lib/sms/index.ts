export * from './license-type';
export * from './replication-frequency';
export * from './seed-time';
export * from './replication-server';
export * from './replication-job-props';
export * from './replication-job';
export * from './iam';
