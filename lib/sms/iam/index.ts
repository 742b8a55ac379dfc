export * from './sms-service-linked-role';
export * from './sms-service-role';
export * from './sms-launch-role';
export * from './connector-user';
export * from './migration-iam';
