/**
 * The benchmark's plans for MGN: the same deterministic VMs as `generatePlan`, with what an MGN plan
 * records beside them (the guest facts MGN's agent installer reads, waves of 100 VMs with dates that
 * never overlap, so MGN-QUOTA1's 150 active servers hold, an application per 50 VMs, the network's
 * firewall lists), so that the assessment judges a plan a migration factory would write, not an SMS
 * plan full of unknowns.
 */
import { generatePlan } from './plan-generator';

interface GeneratedVm {
  name: string;
  wave?: string;
  application?: string;
  os: { family: string };
  guest: Record<string, unknown>;
}

const LINUX_PACKAGES = {
  'dhclient': '4.2.5-83.el7', 'make': '3.82-24.el7', 'gcc': '4.8.5-44.el7', 'perl': '5.16.3-299.el7', 'tar': '1.26-35.el7',
  'gawk': '4.0.2-4.el7', 'rpm': '4.11.3-48.el7', 'elfutils-libelf-devel': '0.176-5.el7',
};
const COMMON = {
  freeMemoryGiB: 2, secureBoot: false, bootSpansDisks: false, paravirtualization: 'none', diskEncryption: 'none', stableMac: true,
  drsAgentInstalled: false,
};
const LINUX_GUEST = { ...COMMON, kernelHeaders: 'matching', pythonVersion: '3.6', sudo: true, packages: LINUX_PACKAGES, tmpWritable: true, tmpExec: true, lvm: false };
const WINDOWS_GUEST = { ...COMMON, wmiRunning: true, updatesCurrent: true };

const VMS_PER_WAVE = 100;

/** The UTC day `days` after 2027-01-04. */
function day(days: number): string {
  return new Date(Date.UTC(2027, 0, 4 + days)).toISOString().slice(0, 10);
}

/** Generates an MGN plan of `count` VMs as a plain object, ready for JSON.stringify. */
export function generateMgnPlan(count: number, seed = 42): object {
  const base = generatePlan(count, seed) as { vms: GeneratedVm[]; connectors: object[] };
  const vms = base.vms.map((vm, i) => ({
    ...vm,
    wave: `wave-${1 + Math.floor(i / VMS_PER_WAVE)}`,
    application: `app-${1 + Math.floor(i / 50)}`,
    guest: { ...vm.guest, ...(vm.os.family === 'windows' ? WINDOWS_GUEST : LINUX_GUEST) },
  }));
  const waveCount = Math.ceil(count / VMS_PER_WAVE);
  const egress = (rules: Array<[number, string]>): object[] => rules.map(([port, destination]) => ({ protocol: 'tcp', port, destination }));
  return {
    version: 1,
    target: 'mgn',
    mgn: {
      accountId: '123456789012', region: 'eu-west-1',
      network: {
        stagingSubnet: 'subnet-0a1b2c3d4e5f60718', sourceCidrs: ['10.0.0.0/8'], customDns: false, tlsInspection: false,
        sourceEgress: egress([[443, 'mgn'], [443, 's3'], [1500, 'staging']]),
        stagingEgress: egress([[443, 'mgn'], [443, 'ec2'], [443, 's3']]),
      },
    },
    // Each wave replicates for ten days and cuts over before the next starts.
    waves: Array.from({ length: waveCount }, (_, k) => ({ name: `wave-${k + 1}`, replicationStart: day(11 * k), cutoverDate: day(11 * k + 10) })),
    defaults: {
      replication: { licenseType: 'auto' },
      mgn: { launch: { subnet: 'subnet-0e5f6a7b8c9d0e1f2', copyPrivateIp: false } },
    },
    // Ten thousand source servers are more than MGN's default 4,000: a factory raises the quota first.
    acknowledge: [{ rule: 'MGN-QUOTA2', reason: 'source server quota raised for this migration by AWS Support', vms: ['*'] }],
    connectors: base.connectors,
    vms,
  };
}
