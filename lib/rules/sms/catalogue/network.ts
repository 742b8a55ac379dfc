import { Severity } from '../../../assessment/rule';
import { RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { singleNic } from '../sms-net1-single-nic';
import { noIpv6 } from '../sms-net2-no-ipv6';
import { staticIpv4 } from '../sms-net3-static-ipv4';
import { noPublicIp } from '../sms-net4-no-public-ip';
import { enhancedNetworkingOs } from '../sms-net5-enhanced-networking-os';

/** The network rules (SMS-NET1 to SMS-NET5), in catalogue order. */
export const NETWORK_RULES: readonly VmRule[] = [
  {
    id: 'SMS-NET1',
    section: RuleSection.NETWORK,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The VM has a single network interface',
    explanation: 'SMS does not support several network interfaces: the migrated instance comes up with one, and whatever the others carried is cut off.',
    remediation: 'Plan the extra interfaces as elastic network interfaces attached after migration, '
      + 'or acknowledge the finding when the other NICs are not needed in AWS.',
    check: singleNic,
  },
  {
    id: 'SMS-NET2',
    section: RuleSection.NETWORK,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'No network interface has an IPv6 address',
    explanation: 'SMS does not support IPv6: the migrated instance has IPv4 only, so services reached over IPv6 are unreachable.',
    remediation: 'Move clients of the VM to IPv4 before the cutover, and add IPv6 to the subnet and instance after migration if it is needed.',
    check: noIpv6,
  },
  {
    id: 'SMS-NET3',
    section: RuleSection.NETWORK,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'A static IPv4 address becomes a DHCP-assigned private address',
    explanation: 'SMS rewrites the network configuration to DHCP, so the instance gets a private address from its subnet instead of its static one.',
    remediation: 'Update DNS records, firewall rules and clients that use the old address, '
      + 'or assign the wanted private IP to the instance\'s interface after migration.',
    check: staticIpv4,
  },
  {
    id: 'SMS-NET4',
    section: RuleSection.NETWORK,
    severity: Severity.INFO,
    hard: false,
    subject: RuleSubject.VM,
    title: 'The migrated instance gets no public IP address',
    explanation: 'A migrated instance never receives a public IP address, even in a subnet that auto-assigns them; '
      + 'this is a reminder for every VM, never unknown.',
    remediation: 'Allocate an Elastic IP address and associate it with the instance, or reach it through a load balancer, VPN or bastion.',
    check: noPublicIp,
  },
  {
    id: 'SMS-NET5',
    section: RuleSection.NETWORK,
    severity: Severity.WARNING,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Enhanced networking is asked only for Windows Server 2012 R2',
    explanation: 'SMS installs the SR-IOV drivers that enhanced networking needs only when importing Windows Server 2012 R2; '
      + 'on any other OS the instance lacks them.',
    remediation: 'Install the ENA or Intel 82599 VF driver in the guest yourself (before or after migration) and acknowledge the finding, '
      + 'or set replication.enhancedNetworking to false.',
    check: enhancedNetworkingOs,
  },
];
