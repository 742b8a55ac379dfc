export * from './driver';
export * from './logs';
export * from './provider-framework';
export * from './template';
