export { OS_RULES } from './os';
export { BOOT_RULES, FREE_SPACE_RULES } from './boot';
export { DISK_RULES } from './disks';
export { HYPERVISOR_RULES } from './hypervisor';
export { GUEST_RULES } from './guest';
export { NETWORK_RULES } from './network';
export { LICENSE_RULES } from './license';
export { JOB_RULES } from './job';
export { CONNECTOR_RULES } from './connector';
