export * from './hyperv-generation';
export * from './hyperv-disk-format';
export * from './hyperv-mixed-disk-formats';
export * from './hyperv-rhel5-vhdx';
export * from './p2v-conversion';
export * from './hvm-ami';
