export * from './sms-assessment-plugin';
export * from './replication-job-assessment';
