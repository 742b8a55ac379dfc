export * from './migration-plan';
export * from './migration-props';
export * from './migration-stacks';
export * from './migration';
