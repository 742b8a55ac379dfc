/** The sections of the MGN rule catalogue, as MGN-RULES.md groups them. */
export enum MgnRuleSection {
  OPERATING_SYSTEM = 'Operating system',
  BOOT_AND_DISKS = 'Boot and disks',
  FREE_SPACE = 'Free space and memory',
  GUEST_PREPARATION = 'Guest preparation',
  NETWORK_AND_LAUNCH = 'Network and launch',
  LICENSING = 'Licensing',
  REPLICATION = 'Replication settings',
  QUOTAS = 'Quotas',
  AGENTLESS = 'Agentless (vCenter Client)',
  CONNECTIVITY = 'Connectivity',
}
