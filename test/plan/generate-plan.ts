/**
 * Builds large, realistic plans for tests and measurements: VMs like the INVENTORY.md example (about
 * 1.5 KB each as indented JSON), alternating Linux and Windows, spread over a few connectors.
 */
export function generatePlan(vmCount: number): Record<string, unknown> {
  const connectors = ['dc1-connector', 'dc2-connector', 'dc3-connector'];
  const vms = [];
  for (let i = 0; i < vmCount; i++) {
    const linux = i % 2 === 0;
    const name = `${linux ? 'web' : 'app'}-${String(i).padStart(5, '0')}`;
    vms.push({
      name,
      wave: `wave-${1 + (i % 20)}`,
      hypervisor: 'vmware',
      connector: connectors[i % connectors.length],
      source: { serverId: `s-${(0x10000000 + i).toString(16)}` },
      os: linux
        ? { family: 'linux', name: 'rhel', version: '7.3', architecture: 'x86_64', kernel: '3.10.0-514.el7.x86_64', customKernel: false,
          bootloader: 'grub2' }
        : { family: 'windows', name: 'windows-server', version: '2012 R2', edition: 'standard', installation: 'full', servicePack: 0,
          architecture: 'x86_64', language: 'en-US' },
      firmware: 'bios',
      createdByP2V: false,
      disks: [
        {
          name: 'Hard disk 1', sizeGiB: 60, format: 'vmdk', mode: 'persistent', datastore: 'vmfs', partitionStyle: 'mbr', boot: true,
          volumes: linux
            ? [{ mount: '/', fileSystem: 'xfs', sizeGiB: 50, freeGiB: 20.5 }, { mount: 'swap', fileSystem: 'swap', sizeGiB: 4 }]
            : [{ mount: 'C:', fileSystem: 'ntfs', sizeGiB: 59.5, freeGiB: 21.25, system: true }],
        },
      ],
      nics: [{ ipv4: [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`], addressing: 'static' }],
      guest: linux
        ? { antivirusEnabled: false, cdromConnected: false, remoteAccessEnabled: true, firewallAllowsRemoteAccess: true,
          fstab: [{ device: 'UUID=3f1c2a9e-5b1d-4c8e-9f0a-1b2c3d4e5f60', mount: '/data', type: 'xfs' }] }
        : { antivirusEnabled: false, cdromConnected: false, remoteAccessEnabled: true, firewallAllowsRemoteAccess: true,
          dotNetVersion: '4.6.2', pagefile: 'fixed', hotfixes: ['KB2922223', 'KB2800213'] },
      replication: { type: 'interval', frequencyHours: 12, seedTime: '2026-12-01T02:00:00Z', licenseType: 'auto', amisToKeep: 3 },
      acknowledge: i % 10 === 0 ? [{ rule: 'SMS-NET1', reason: 'second NIC is backup-only; dropped on purpose' }] : undefined,
    });
  }
  return {
    version: 1,
    defaults: { replication: { type: 'interval', frequencyHours: 12, licenseType: 'auto' } },
    connectors: connectors.map((name) => ({ name, hypervisor: 'vmware', vcenterVersion: '6.5', vcenterPort: 443 })),
    vms,
  };
}
