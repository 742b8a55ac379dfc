export * from './disk-count';
export * from './gpt-data-disk-size';
export * from './vmdk-only';
export * from './no-sesparse';
export * from './independent-disk-interval';
export * from './vsan-interval';
export * from './vvol-datastore';
