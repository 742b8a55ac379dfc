export * from './job-settings-bounds';
export * from './encrypted-amis';
export * from './one-job-per-server';
export * from './job-quota';
export * from './vmotion-during-runs';
