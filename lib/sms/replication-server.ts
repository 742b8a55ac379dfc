/**
 * The server a replication job replicates: an entry of the SMS server catalog.
 *
 * Give the catalog's server id when it is known. Otherwise name the VM as the connector reported it
 * (by name, vCenter inventory path or hypervisor VM id), and the job looks it up in the server
 * catalog when it is deployed; the lookup fails unless exactly one server matches. A VM manager name
 * (the vCenter or SCVMM host the connector is associated with) narrows the lookup when several VM
 * managers have a VM of the same name.
 *
 * The server cannot be changed on a job that exists: selecting another server replaces the job.
 *
 * @example
 * ReplicationServer.fromServerId('s-12345678');
 * ReplicationServer.fromVmName('web01', 'vcenter01.example.com');
 */
export class ReplicationServer {
  /**
   * The server with the given id in the SMS server catalog.
   *
   * @param serverId the server catalog id, such as `s-12345678`
   */
  public static fromServerId(serverId: string): ReplicationServer {
    return new ReplicationServer({ serverId, displayName: serverId });
  }

  /**
   * The VM with the given name, looked up in the server catalog when the job is deployed.
   *
   * @param vmName the VM's name as the hypervisor shows it
   * @param vmManagerName the vCenter or SCVMM host name that manages the VM; by default every VM manager is searched
   */
  public static fromVmName(vmName: string, vmManagerName?: string): ReplicationServer {
    return new ReplicationServer({ vmName, vmManagerName, displayName: vmName });
  }

  /**
   * The VM at the given vCenter inventory path, looked up in the server catalog when the job is deployed.
   *
   * @param vmPath the VM's folder path in the vCenter inventory
   * @param vmManagerName the vCenter host name that manages the VM; by default every VM manager is searched
   */
  public static fromVmPath(vmPath: string, vmManagerName?: string): ReplicationServer {
    return new ReplicationServer({ vmPath, vmManagerName, displayName: vmPath });
  }

  /**
   * The VM with the given hypervisor VM id, looked up in the server catalog when the job is deployed.
   *
   * @param vmId the hypervisor's id of the VM, such as `vm-123` on vCenter
   * @param vmManagerName the vCenter or SCVMM host name that manages the VM; by default every VM manager is searched
   */
  public static fromVmId(vmId: string, vmManagerName?: string): ReplicationServer {
    return new ReplicationServer({ vmId, vmManagerName, displayName: vmId });
  }

  /**
   * The VM known by several identities, looked up in the server catalog when the job is deployed by the
   * most certain one first: the VM manager's id with the VM id, then the VM id, then the path, then the
   * name. The first that finds one server wins, so a VM renamed or moved since is still found by its ids.
   *
   * @param identity what is known of the VM; at least one of vmName, vmPath and vmId
   */
  public static fromVm(identity: VmIdentity): ReplicationServer {
    return new ReplicationServer({ ...identity, displayName: identity.vmName ?? identity.vmPath ?? identity.vmId ?? '' });
  }

  /**
   * The server catalog id.
   *
   * @default - none: the server is looked up by VM name, path or id
   */
  public readonly serverId?: string;

  /**
   * The VM name to look up.
   *
   * @default - none
   */
  public readonly vmName?: string;

  /**
   * The vCenter inventory path to look up.
   *
   * @default - none
   */
  public readonly vmPath?: string;

  /**
   * The hypervisor VM id to look up.
   *
   * @default - none
   */
  public readonly vmId?: string;

  /**
   * The id of the VM manager that knows the VM by `vmId` (a vCenter's instance UUID).
   *
   * @default - none: the VM id is looked up in every VM manager
   */
  public readonly vmManagerId?: string;

  /**
   * The VM manager the lookup is narrowed to.
   *
   * @default - every VM manager
   */
  public readonly vmManagerName?: string;

  /**
   * How messages name the server when no display name is given: the server id, VM name, path or id.
   */
  public readonly displayName: string;

  private constructor(selector: ServerSelector) {
    this.serverId = selector.serverId;
    this.vmName = selector.vmName;
    this.vmPath = selector.vmPath;
    this.vmId = selector.vmId;
    this.vmManagerId = selector.vmManagerId;
    this.vmManagerName = selector.vmManagerName;
    this.displayName = selector.displayName;
  }
}

/**
 * What is known of a VM to look up in the SMS server catalog (`ReplicationServer.fromVm`).
 */
export interface VmIdentity {
  /**
   * The VM's name as the hypervisor shows it (`vmServer.vmName`).
   *
   * @default - not looked up by name
   */
  readonly vmName?: string;
  /**
   * The VM's inventory path as the catalog writes it (`vmServer.vmPath`), such as `/Datacenters/DC1/vm/web/web01`.
   *
   * @default - not looked up by path
   */
  readonly vmPath?: string;
  /**
   * The hypervisor's id of the VM (`vmServerAddress.vmId`), such as `vm-123` on vCenter.
   *
   * @default - not looked up by VM id
   */
  readonly vmId?: string;
  /**
   * The id of the VM manager that knows the VM by `vmId` (`vmServerAddress.vmManagerId`, a vCenter's instance UUID).
   *
   * @default - every VM manager
   */
  readonly vmManagerId?: string;
  /**
   * The vCenter or SCVMM host name that manages the VM (`vmServer.vmManagerName`).
   *
   * @default - every VM manager
   */
  readonly vmManagerName?: string;
}

/** The fields of a `ReplicationServer`: a server id, or what is known of a VM to look up. */
interface ServerSelector extends VmIdentity {
  readonly serverId?: string;
  readonly displayName: string;
}
