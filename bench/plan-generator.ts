/**
 * Generates large, realistic plans for benchmarks and scale tests: a deterministic mix of Windows and
 * Linux VMs on VMware and Hyper-V, mostly ready, with the facts an RVTools import would carry.
 */

/** A tiny deterministic PRNG (mulberry32), so that every run generates the same plan. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINUX = [
  { name: 'rhel', version: '7.3', kernel: '3.10.0-514.el7.x86_64', attestations: ['redhat-cloud-access'] },
  { name: 'centos', version: '7.2', kernel: '3.10.0-327.el7.x86_64', attestations: [] },
  { name: 'ubuntu', version: '16.04', kernel: '4.4.0-21-generic', attestations: [] },
  { name: 'sles', version: '12 SP1', kernel: '3.12.49-11-default', attestations: ['suse-byos'] },
  { name: 'debian', version: '8.0.0', kernel: '3.16.0-4-amd64', attestations: [] },
];
const WINDOWS = [
  { version: '2012 R2', edition: 'standard', hotfixes: ['KB2922223'] },
  { version: '2016', edition: 'datacenter', hotfixes: [] },
  { version: '2008 R2', edition: 'enterprise', hotfixes: ['KB2922223', 'KB2800213'] },
];

/** Generates a plan of `count` VMs as a plain object, ready for JSON.stringify. */
export function generatePlan(count: number, seed = 42): object {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const vms: object[] = [];
  for (let i = 0; i < count; i++) {
    const hyperv = rnd() < 0.25;
    const windows = rnd() < 0.4;
    const wave = `wave-${1 + Math.floor(i / 500)}`;
    const name = `${windows ? 'win' : 'lnx'}-${String(i).padStart(5, '0')}`;
    const dataGiB = Math.round(20 + rnd() * 480);
    const format = hyperv ? 'vhdx' : 'vmdk';
    const base = {
      name,
      wave,
      hypervisor: hyperv ? 'hyperv' : 'vmware',
      connector: hyperv ? 'hv-connector' : 'vc-connector',
      source: hyperv ? { vmId: `7f3c${String(i).padStart(8, '0')}-aa` } : { vmId: `vm-${1000 + i}`, vmPath: `/DC1/vm/apps/${name}` },
      firmware: 'bios',
      ...(hyperv ? { generation: 1 } : {}),
      createdByP2V: false,
      nics: [{ ipv4: [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`], ipv6: [], addressing: rnd() < 0.7 ? 'static' : 'dhcp' }],
    };
    if (windows) {
      const os = pick(WINDOWS);
      vms.push({
        ...base,
        os: {
          family: 'windows', name: 'windows-server', version: os.version, edition: os.edition, installation: 'full',
          architecture: 'x86_64', language: 'en-US',
        },
        disks: [
          { name: 'Hard disk 1', sizeGiB: 80, format, mode: 'persistent', datastore: 'vmfs', partitionStyle: 'mbr', boot: true,
            volumes: [{ mount: 'C:', fileSystem: 'ntfs', sizeGiB: 79.5, freeGiB: 30 + Math.round(rnd() * 40) }] },
          { name: 'Hard disk 2', sizeGiB: dataGiB, format, mode: 'persistent', datastore: 'vmfs', partitionStyle: 'gpt',
            volumes: [{ mount: 'D:', fileSystem: 'ntfs', sizeGiB: dataGiB, freeGiB: Math.round(dataGiB / 2) }] },
        ],
        guest: {
          antivirusEnabled: false, cdromConnected: false, remoteAccessEnabled: true, firewallAllowsRemoteAccess: true,
          dotNetVersion: '4.6.2', pagefile: 'fixed', hotfixes: os.hotfixes,
        },
        replication: { amisToKeep: 3 },
      });
    } else {
      const os = pick(LINUX);
      vms.push({
        ...base,
        os: {
          family: 'linux', name: os.name, version: os.version, architecture: 'x86_64', kernel: os.kernel, customKernel: false,
          bootloader: 'grub2',
        },
        disks: [
          { name: 'Hard disk 1', sizeGiB: 40, format, mode: 'persistent', datastore: 'vmfs', partitionStyle: 'mbr', boot: true,
            volumes: [
              { mount: '/', fileSystem: 'xfs', sizeGiB: 36, freeGiB: 10 + Math.round(rnd() * 20) },
              { mount: 'swap', fileSystem: 'swap', sizeGiB: 4 },
            ] },
          { name: 'Hard disk 2', sizeGiB: dataGiB, format, mode: 'persistent', datastore: 'vmfs', partitionStyle: 'mbr',
            volumes: [{ mount: '/data', fileSystem: 'ext4', sizeGiB: dataGiB, freeGiB: Math.round(dataGiB / 3) }] },
        ],
        guest: {
          antivirusEnabled: false, cdromConnected: false, remoteAccessEnabled: true, firewallAllowsRemoteAccess: true,
          fstab: [
            { device: 'UUID=3f1c9a7e-0d5b-4c1e-9f59-7a2d1e0b6c11', mount: '/', type: 'xfs' },
            { device: '/dev/mapper/vg0-data', mount: '/data', type: 'ext4' },
          ],
        },
        replication: { attestations: os.attestations },
      });
    }
  }
  return {
    version: 1,
    defaults: { replication: { type: 'interval', frequencyHours: 12, licenseType: 'auto' } },
    acknowledge: [{ rule: 'SMS-JOB4', reason: 'quota raised for this migration by AWS Support', vms: ['*'] }],
    connectors: [
      { name: 'vc-connector', hypervisor: 'vmware', vcenterVersion: '6.5', esxiVersions: ['6.0', '6.5'], memoryGiB: 16, diskGiB: 300,
        diskProvisioning: 'thick' },
      { name: 'hv-connector', hypervisor: 'hyperv', hypervHostOs: 'windows-server-2016', activeDirectoryVersion: '2012', memoryGiB: 16,
        diskGiB: 300 },
    ],
    vms,
  };
}
