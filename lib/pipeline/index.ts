export * from './migration-pipeline-props';
export * from './migration-pipeline';
