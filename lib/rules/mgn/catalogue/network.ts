import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { nicCount } from '../mgn-net1-nic-count';
import { guestConversion } from '../mgn-net2-guest-conversion';
import { privateIpInSubnet } from '../mgn-net3-private-ip-in-subnet';
import { noIpv6 } from '../mgn-net4-no-ipv6';
import { publicIpv4 } from '../mgn-net5-public-ipv4';
import { instanceTypeRightSizing } from '../mgn-launch1-instance-type-right-sizing';
import { launchSubnet } from '../mgn-launch2-launch-subnet';
import { MgnRuleSection } from '../sections';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const NETWORK_RULES: readonly VmRule[] = [
  {
    id: 'MGN-NET1',
    section: MgnRuleSection.NETWORK_AND_LAUNCH,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The VM has at most two network interfaces',
    explanation: 'MGN writes the instance\'s network interfaces into its EC2 launch template, which holds two; the instance '
      + 'launches without the others, and whatever they carried (a backup or storage network) is not reachable until they '
      + 'are added.',
    remediation: 'Plan to attach the extra interfaces (subnet, security groups) to the instance after launch, or consolidate '
      + 'the networks on the source; record the VM\'s interfaces in nics.',
    check: nicCount,
  },
  {
    id: 'MGN-NET2',
    section: MgnRuleSection.NETWORK_AND_LAUNCH,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'What MGN\'s conversion changes in the guest',
    explanation: 'Before the copy boots on EC2, MGN adapts it: it changes the boot loader, injects the EC2 storage and network '
      + 'drivers, installs AWS cloud tools and sets the network interfaces to DHCP. The primary private IPv4 survives only '
      + 'when the launch copies it; other static addresses, routes and DNS settings do not.',
    remediation: 'Nothing to fix. Update DNS records, firewall rules and clients that rely on old addresses, or set '
      + 'mgn.launch.copyPrivateIp true (with a launch subnet that holds the address) to keep the primary one.',
    check: guestConversion,
  },
  {
    id: 'MGN-NET3',
    section: MgnRuleSection.NETWORK_AND_LAUNCH,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.VM,
    title: 'With copyPrivateIp, the source\'s primary private IPv4 lies in the launch subnet',
    explanation: 'When the launch copies the private IP, EC2 assigns the source\'s primary IPv4 address to the instance in the '
      + 'launch subnet; an address outside the subnet\'s CIDR, or one of the five EC2 reserves in every subnet, cannot be '
      + 'assigned and the launch fails.',
    remediation: 'Launch into a subnet whose CIDR holds the address (mgn.launch.subnet and mgn.launch.subnetCidr), or set '
      + 'mgn.launch.copyPrivateIp false to take a new address; record the address in nics[0].ipv4.',
    check: privateIpInSubnet,
  },
  {
    id: 'MGN-NET4',
    section: MgnRuleSection.NETWORK_AND_LAUNCH,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The VM has no IPv6 addresses',
    explanation: 'MGN launches the instance with IPv4 addressing and carries no IPv6 address over; services and clients that '
      + 'reach the server over IPv6 lose it.',
    remediation: 'Move clients to IPv4 or assign IPv6 addresses in the VPC after launch, then acknowledge; record nics[].ipv6 '
      + '(an empty list when there are none).',
    check: noIpv6,
  },
  {
    id: 'MGN-NET5',
    section: MgnRuleSection.NETWORK_AND_LAUNCH,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Whether the instance gets a public IPv4',
    explanation: 'A public address the source holds is never carried over; the instance gets a new public IPv4 from EC2 only '
      + 'when the launch asks for one, in a subnet with a route to an internet gateway.',
    remediation: 'Nothing to fix. Set mgn.launch.associatePublicIp true for a public address, or attach an Elastic IP after '
      + 'launch when the address must be fixed.',
    check: publicIpv4,
  },
  {
    id: 'MGN-LAUNCH1',
    section: MgnRuleSection.NETWORK_AND_LAUNCH,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'An instance type is not set while right-sizing is basic',
    explanation: 'With basic right-sizing MGN chooses the instance type from the source\'s CPU and memory and ignores the type '
      + 'in the launch template, so the instance comes up as a type the plan did not name.',
    remediation: 'Set mgn.launch.rightSizing none to launch the named mgn.launch.instanceType, or remove instanceType to let '
      + 'MGN choose.',
    check: instanceTypeRightSizing,
  },
  {
    id: 'MGN-LAUNCH2',
    section: MgnRuleSection.NETWORK_AND_LAUNCH,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A launch subnet is set',
    explanation: 'Without a subnet in the launch settings MGN launches into the Region\'s default VPC, which is rarely where a '
      + 'migrated workload belongs, and the launch fails in a Region or account without a default VPC.',
    remediation: 'Set mgn.launch.subnet (or defaults.mgn.launch.subnet) to the subnet- id the instance belongs in, with '
      + 'mgn.launch.subnetCidr for MGN-NET3.',
    check: launchSubnet,
  },
];
