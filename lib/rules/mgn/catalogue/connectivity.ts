import { Severity } from '../../../assessment/rule';
import { ConnectorRule, NetworkRule, RuleSubject, VmRule } from '../../../assessment/rule-pack';
import { sourceEgress } from '../mgn-con1-source-egress';
import { stagingNetwork } from '../mgn-con2-staging-network';
import { vcenterClientEgress } from '../mgn-con3-vcenter-client-egress';
import { tlsInspection } from '../mgn-con4-tls-inspection';
import { MgnRuleSection } from '../sections';

const MATCHING = 'A rule to any destination counts, and a rule without a port allows every port of its protocol.';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const CONNECTIVITY_RULES: readonly (VmRule | ConnectorRule | NetworkRule)[] = [
  {
    id: 'MGN-CON1',
    section: MgnRuleSection.CONNECTIVITY,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.VM,
    title: 'Agent: the source server reaches mgn and s3 on tcp 443, and the staging subnet on tcp 1500',
    explanation: 'The agent installs from MGN\'s S3 buckets, registers with and takes orders from the Regional MGN endpoint, '
      + `and sends its data to the replication servers on tcp 1500; without any of them replication never starts. ${MATCHING}`,
    remediation: 'Open the missing rules on the source network and record them in mgn.network.sourceEgress (or the VM\'s mgn.egress); '
      + 'the MGN firewall-rule list names each one.',
    check: sourceEgress,
  },
  {
    id: 'MGN-CON2',
    section: MgnRuleSection.CONNECTIVITY,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.NETWORK,
    title: 'The staging subnet reaches mgn, ec2 and s3 on tcp 443 (dns on tcp 53 with custom DNS) and takes tcp 1500 from the sources',
    explanation: 'Replication servers download their software from S3, report to MGN and manage volumes through EC2; with custom DNS '
      + 'they resolve those names through it; user-owned security groups must let replication data in, which the library-owned '
      + `group does itself. ${MATCHING}`,
    remediation: 'Open the missing rules on the staging subnet and record them in mgn.network.stagingEgress and stagingIngress; '
      + 'record mgn.network.customDns.',
    check: stagingNetwork,
  },
  {
    id: 'MGN-CON3',
    section: MgnRuleSection.CONNECTIVITY,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.CONNECTOR,
    title: 'Agentless: the vCenter Client reaches vCenter, mgn and s3, the staging subnet on tcp 1500 (and ESXi on tcp 902)',
    explanation: 'The vCenter Client takes snapshots through vCenter, is controlled through MGN and S3, and its agent ships the '
      + 'snapshots to the replication servers on tcp 1500; VDDK reads the snapshot disks from the ESXi hosts on tcp 902, '
      + `without which transfers may fail (a warning). ${MATCHING}`,
    remediation: 'Open the missing rules from the vCenter Client and record them in the connector\'s egress; the MGN firewall-rule '
      + 'list names each one.',
    check: vcenterClientEgress,
  },
  {
    id: 'MGN-CON4',
    section: MgnRuleSection.CONNECTIVITY,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.NETWORK,
    title: 'No TLS interception on the way to MGN',
    explanation: 'MGN\'s agents, vCenter Clients and replication servers expect MGN\'s own certificates; a proxy or firewall that '
      + 'intercepts TLS breaks their connections.',
    remediation: 'Exempt the MGN, S3 and EC2 endpoints from TLS inspection and record mgn.network.tlsInspection false.',
    check: tlsInspection,
  },
];
