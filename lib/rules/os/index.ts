export * from './nano-server';
