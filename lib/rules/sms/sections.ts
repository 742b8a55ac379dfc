/** The sections of the SMS rule catalogue, as RULES.md groups them. */
export enum RuleSection {
  OPERATING_SYSTEM = 'Operating system',
  BOOT_AND_DISKS = 'Boot, partitions, file systems, disks',
  HYPERVISOR = 'Hypervisor',
  GUEST_PREPARATION = 'Guest preparation',
  NETWORK = 'Network',
  LICENSING = 'Licensing',
  REPLICATION_JOB = 'Replication job settings',
  CONNECTOR = 'Connector',
}
