/**
 * Fully described VMs and connectors that pass every rule, for tests that vary one fact at a time.
 * Each builder returns a fresh deep copy.
 */

const READY_LINUX = {
  'name': 'web-01',
  'wave': 'wave-1',
  'hypervisor': 'vmware',
  'connector': 'dc1-connector',
  'source': {
    'vmPath': '/DC1/vm/wave-1/web-01',
    'vmId': 'vm-8047',
  },
  'os': {
    'family': 'linux',
    'name': 'rhel',
    'version': '7.3',
    'architecture': 'x86_64',
    'kernel': '3.10.0-514.el7.x86_64',
    'customKernel': false,
    'bootloader': 'grub2',
  },
  'firmware': 'bios',
  'createdByP2V': false,
  'disks': [
    {
      'name': 'Hard disk 1',
      'sizeGiB': 40,
      'format': 'vmdk',
      'mode': 'persistent',
      'datastore': 'vmfs',
      'partitionStyle': 'mbr',
      'boot': true,
      'volumes': [
        {
          'mount': '/',
          'fileSystem': 'xfs',
          'sizeGiB': 36,
          'freeGiB': 14.2,
        },
        {
          'mount': 'swap',
          'fileSystem': 'swap',
          'sizeGiB': 4,
        },
      ],
    },
    {
      'name': 'Hard disk 2',
      'sizeGiB': 200,
      'format': 'vmdk',
      'mode': 'persistent',
      'datastore': 'vmfs',
      'partitionStyle': 'mbr',
      'volumes': [
        {
          'mount': '/data',
          'fileSystem': 'ext4',
          'sizeGiB': 200,
          'freeGiB': 88,
        },
      ],
    },
  ],
  'nics': [
    {
      'ipv4': [
        '10.20.1.57',
      ],
      'ipv6': [],
      'addressing': 'static',
    },
  ],
  'guest': {
    'antivirusEnabled': false,
    'cdromConnected': false,
    'remoteAccessEnabled': true,
    'firewallAllowsRemoteAccess': true,
    'fstab': [
      {
        'device': 'UUID=6b1f0c1e-2d7a-4b55-9a0e-1c4f2d9e7a31',
        'mount': '/',
        'type': 'xfs',
      },
      {
        'device': '/dev/mapper/vg_data-lv_data',
        'mount': '/data',
        'type': 'ext4',
      },
      {
        'device': 'UUID=0c2d9f7e-8a14-4e0b-b3c5-5d6e7f8a9b10',
        'mount': 'swap',
        'type': 'swap',
      },
    ],
  },
  'replication': {
    'attestations': [
      'redhat-cloud-access',
    ],
  },
};

const READY_WINDOWS = {
  'name': 'app-01',
  'wave': 'wave-1',
  'hypervisor': 'vmware',
  'connector': 'dc1-connector',
  'source': {
    'vmPath': '/DC1/vm/wave-1/app-01',
    'vmId': 'vm-6314',
  },
  'os': {
    'family': 'windows',
    'name': 'windows-server',
    'version': '2012 R2',
    'edition': 'standard',
    'installation': 'full',
    'architecture': 'x86_64',
    'language': 'en-US',
  },
  'firmware': 'bios',
  'createdByP2V': false,
  'disks': [
    {
      'name': 'Hard disk 1',
      'sizeGiB': 100,
      'format': 'vmdk',
      'mode': 'persistent',
      'datastore': 'vmfs',
      'partitionStyle': 'mbr',
      'boot': true,
      'volumes': [
        {
          'mount': 'C:',
          'fileSystem': 'ntfs',
          'sizeGiB': 99.5,
          'freeGiB': 41.7,
        },
      ],
    },
    {
      'name': 'Hard disk 2',
      'sizeGiB': 500,
      'format': 'vmdk',
      'mode': 'persistent',
      'datastore': 'vmfs',
      'partitionStyle': 'gpt',
      'volumes': [
        {
          'mount': 'D:',
          'fileSystem': 'ntfs',
          'sizeGiB': 500,
          'freeGiB': 212,
        },
      ],
    },
  ],
  'nics': [
    {
      'ipv4': [
        '10.20.2.124',
      ],
      'ipv6': [],
      'addressing': 'static',
    },
  ],
  'guest': {
    'antivirusEnabled': false,
    'cdromConnected': false,
    'remoteAccessEnabled': true,
    'firewallAllowsRemoteAccess': true,
    'dotNetVersion': '4.7.2',
    'pagefile': 'fixed',
    'hotfixes': [
      'KB2922223',
    ],
  },
};

const READY_HYPERV_WINDOWS = {
  'name': 'hv-web-01',
  'wave': 'wave-2',
  'hypervisor': 'hyperv',
  'connector': 'hv-connector',
  'source': {
    'vmId': 'a4a70513-7c1d-4e2b-8f3a-126077473742',
  },
  'os': {
    'family': 'windows',
    'name': 'windows-server',
    'version': '2012 R2',
    'edition': 'datacenter',
    'installation': 'full',
    'architecture': 'x86_64',
    'language': 'en-US',
  },
  'firmware': 'bios',
  'generation': 1,
  'createdByP2V': false,
  'disks': [
    {
      'name': 'Hard disk 1',
      'sizeGiB': 100,
      'format': 'vhdx',
      'partitionStyle': 'mbr',
      'boot': true,
      'volumes': [
        {
          'mount': 'C:',
          'fileSystem': 'ntfs',
          'sizeGiB': 99.5,
          'freeGiB': 41.7,
        },
      ],
    },
    {
      'name': 'Hard disk 2',
      'sizeGiB': 500,
      'format': 'vhdx',
      'partitionStyle': 'gpt',
      'volumes': [
        {
          'mount': 'D:',
          'fileSystem': 'ntfs',
          'sizeGiB': 500,
          'freeGiB': 212,
        },
      ],
    },
  ],
  'nics': [
    {
      'ipv4': [
        '10.20.2.175',
      ],
      'ipv6': [],
      'addressing': 'static',
    },
  ],
  'guest': {
    'antivirusEnabled': false,
    'cdromConnected': false,
    'remoteAccessEnabled': true,
    'firewallAllowsRemoteAccess': true,
    'dotNetVersion': '4.7.2',
    'pagefile': 'fixed',
    'hotfixes': [
      'KB2922223',
    ],
  },
};

const VMWARE_CONNECTOR = {
  'name': 'dc1-connector',
  'hypervisor': 'vmware',
  'vcenterVersion': '6.5',
  'vcenterPort': 443,
  'esxiVersions': [
    '6.0',
    '6.5',
  ],
  'memoryGiB': 16,
  'diskGiB': 300,
  'diskProvisioning': 'thick',
  'egress': [
    {
      'protocol': 'udp',
      'port': 53,
      'destination': 'dns',
    },
    {
      'protocol': 'udp',
      'port': 123,
      'destination': 'ntp',
    },
    {
      'protocol': 'icmp',
      'destination': 'any',
    },
    {
      'protocol': 'tcp',
      'port': 443,
      'destination': '*.amazonaws.com',
    },
    {
      'protocol': 'tcp',
      'port': 443,
      'destination': '*.aws.amazon.com',
    },
    {
      'protocol': 'tcp',
      'port': 443,
      'destination': 'vcenter',
    },
    {
      'protocol': 'tcp',
      'port': 443,
      'destination': 'esxi',
    },
  ],
};

const HYPERV_CONNECTOR = {
  'name': 'hv-connector',
  'hypervisor': 'hyperv',
  'hypervHostOs': 'windows-server-2016',
  'activeDirectoryVersion': '2012',
  'scvmmVersion': '2016',
  'memoryGiB': 16,
  'diskGiB': 300,
  'egress': [
    {
      'protocol': 'udp',
      'port': 53,
      'destination': 'dns',
    },
    {
      'protocol': 'udp',
      'port': 123,
      'destination': 'ntp',
    },
    {
      'protocol': 'icmp',
      'destination': 'any',
    },
    {
      'protocol': 'tcp',
      'port': 443,
      'destination': '*.amazonaws.com',
    },
    {
      'protocol': 'tcp',
      'port': 443,
      'destination': '*.aws.amazon.com',
    },
    {
      'protocol': 'tcp',
      'port': 5986,
      'destination': 'scvmm',
    },
  ],
  'ingress': [
    {
      'protocol': 'tcp',
      'port': 443,
      'source': 'hyperv-host',
    },
  ],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const copy = (value: object): Json => JSON.parse(JSON.stringify(value));

/** A VMware RHEL 7.3 VM that passes every rule (info findings aside). */
export function readyLinuxVm(name = 'lnx-01'): Json {
  return { ...copy(READY_LINUX), name };
}

/** A VMware Windows Server 2012 R2 VM that passes every rule (info findings aside). */
export function readyWindowsVm(name = 'win-01'): Json {
  return { ...copy(READY_WINDOWS), name };
}

/** A Hyper-V Windows Server 2012 R2 VM that passes every rule (info findings aside). */
export function readyHypervWindowsVm(name = 'hv-01'): Json {
  return { ...copy(READY_HYPERV_WINDOWS), name };
}

/** The VMware connector the ready VMware VMs name (`dc1-connector`). */
export function vmwareConnector(): Json {
  return copy(VMWARE_CONNECTOR);
}

/** The Hyper-V connector the ready Hyper-V VMs name (`hv-connector`). */
export function hypervConnector(): Json {
  return copy(HYPERV_CONNECTOR);
}

/** A plan of the given VMs with both connectors. */
export function planOf(vms: object[], extra: object = {}): Json {
  return { version: 1, connectors: [vmwareConnector(), hypervConnector()], vms, ...extra };
}
