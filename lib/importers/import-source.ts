/** The kinds of inventory an import reads; each decides which facts the import refreshes. */
export enum ImportSource {
  /** An RVTools workbook or CSV set (VMware). */
  RVTOOLS = 'rvtools',
  /** The SMS server catalog, as `aws sms get-servers` prints it. */
  SMS_CATALOG = 'sms-catalog',
  /** Hyper-V and SCVMM PowerShell exports. */
  HYPERV = 'hyperv',
}

const OS_FACTS = ['os.family', 'os.name', 'os.version', 'os.edition', 'os.architecture'];

/**
 * The VM facts each kind of import owns, as plan paths (`source.vmId`, `os.version`, `disks`).
 *
 * An owned fact the import carries replaces the plan's value: the source is the authority for it, so a
 * re-import refreshes it. A fact the import carries but does not own only fills a gap (it is written
 * when the plan has none, and never replaces what a person wrote). A fact the import does not carry
 * for a VM is left as the plan has it, owned or not. Arrays (`disks`, `nics`) are one fact each.
 *
 * Names, waves, connectors, replication settings and acknowledgements are owned by no import: the
 * plan's name stays the VM's name in the plan even when the source renamed it.
 */
export const OWNED_VM_FACTS: Readonly<Record<ImportSource, readonly string[]>> = {
  // RVTools knows the VMware inventory: the MoRef and its vCenter's UUID, the guest OS (and running kernel)
  // VMware Tools or the .vmx tell, firmware, disks (with vPartition's volumes), NICs. Its path is built in
  // the catalog's /Datacenters/... form only when Datacenter and Folder make it certain: it fills a gap,
  // and never replaces the catalog's. It also owns the BIOS UUID (MGN's agentless matching) and Secure Boot.
  [ImportSource.RVTOOLS]: ['hypervisor', 'source.vmId', 'source.vmManagerId', 'source.vmUuid', ...OS_FACTS, 'os.kernel', 'firmware',
    'guest.secureBoot', 'disks', 'nics'],
  // The catalog knows where each VM is, nothing about what is inside it.
  [ImportSource.SMS_CATALOG]: ['hypervisor', 'source.serverId', 'source.vmPath', 'source.vmId', 'source.vmManagerId'],
  // Hyper-V knows ids, generation (and so firmware) and disks; SCVMM adds the OS it was told.
  [ImportSource.HYPERV]: ['hypervisor', 'source.vmId', ...OS_FACTS, 'firmware', 'generation', 'disks'],
};

/** The connector facts each kind of import owns (see OWNED_VM_FACTS). */
export const OWNED_CONNECTOR_FACTS: Readonly<Record<ImportSource, readonly string[]>> = {
  // RVTools' vSource and vHost tabs give the vCenter and ESXi versions.
  [ImportSource.RVTOOLS]: ['hypervisor', 'vcenterVersion', 'esxiVersions'],
  [ImportSource.SMS_CATALOG]: [],
  [ImportSource.HYPERV]: [],
};
