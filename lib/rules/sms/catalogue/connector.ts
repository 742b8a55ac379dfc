import { Severity } from '../../../assessment/rule';
import { ConnectorRule, RuleSubject } from '../../../assessment/rule-pack';
import { RuleSection } from '../sections';
import { vcenterVersion } from '../sms-con1-vcenter-version';
import { esxiVersions } from '../sms-con2-esxi-versions';
import { connectorMemory } from '../sms-con3-connector-memory';
import { connectorDisk } from '../sms-con4-connector-disk';
import { hypervEnvironment } from '../sms-con5-hyperv-environment';
import { networkAccess } from '../sms-con6-network-access';

/** The connector rules, in catalogue order. */
export const CONNECTOR_RULES: readonly ConnectorRule[] = [
  {
    id: 'SMS-CON1',
    section: RuleSection.CONNECTOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.CONNECTOR,
    title: 'VMware: vCenter is 5.1 or higher (validated up to 6.5)',
    explanation: 'The connector drives replication through vCenter and cannot work with releases older than 5.1; '
      + 'AWS only validated it up to 6.5, so newer releases may work but are untested.',
    remediation: 'Upgrade vCenter to 5.1 or later; above 6.5, test a replication run first or acknowledge the warning with the result.',
    check: vcenterVersion,
  },
  {
    id: 'SMS-CON2',
    section: RuleSection.CONNECTOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.CONNECTOR,
    title: 'VMware: every ESXi host is 5.1 or higher (validated up to 6.5)',
    explanation: 'The connector connects to the ESXi hosts that hold the VMs to migrate, which must run 5.1 or later; '
      + 'hosts newer than 6.5 were never validated by AWS.',
    remediation: 'Upgrade the listed hosts to ESXi 5.1 or later, or move the VMs to hosts that are; '
      + 'above 6.5, test a replication run first or acknowledge the warning.',
    check: esxiVersions,
  },
  {
    id: 'SMS-CON3',
    section: RuleSection.CONNECTOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.CONNECTOR,
    title: 'The connector VM has at least 8 GiB of memory',
    explanation: 'The connector appliance is sized for 8 GiB of RAM on either hypervisor and is not supported with less.',
    remediation: 'Give the connector VM 8 GiB of memory or more (memoryGiB) and restart it.',
    check: connectorMemory,
  },
  {
    id: 'SMS-CON4',
    section: RuleSection.CONNECTOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.CONNECTOR,
    title: 'The connector VM has enough disk: VMware 20 GiB thin or 250 GiB thick; Hyper-V 300 GiB',
    explanation: 'AWS supports the connector only with at least this much available storage; on VMware a thick-provisioned '
      + 'disk must be far larger than a thin-provisioned one.',
    remediation: 'Grow the connector disk (diskGiB) to the minimum for its hypervisor, or on VMware deploy it thin-provisioned with 20 GiB or more.',
    check: connectorDisk,
  },
  {
    id: 'SMS-CON5',
    section: RuleSection.CONNECTOR,
    severity: Severity.ERROR,
    hard: true,
    subject: RuleSubject.CONNECTOR,
    title: 'Hyper-V: host on Windows Server 2012 R2 or 2016, Active Directory 2012+, SCVMM (if used) 2012 SP1 or later',
    explanation: 'The Hyper-V connector is only supported with these host, directory and SCVMM releases; '
      + 'SCVMM releases after 2016 were never validated by AWS.',
    remediation: 'Run the VMs on Hyper-V hosts with Windows Server 2012 R2 or 2016, raise Active Directory to 2012 or later, '
      + 'and update SCVMM 2012 to SP1 or later; above SCVMM 2016, test first or acknowledge the warning.',
    check: hypervEnvironment,
  },
  {
    id: 'SMS-CON6',
    section: RuleSection.CONNECTOR,
    severity: Severity.ERROR,
    hard: false,
    subject: RuleSubject.CONNECTOR,
    title: 'The connector network allows DNS, NTP, ICMP, HTTPS to AWS and to the hypervisor management endpoints',
    explanation: 'The connector opens stateful connections to name and time servers, AWS endpoints and vCenter/ESXi or '
      + 'SCVMM/Hyper-V (and on Hyper-V receives HTTPS from the hosts); a blocked one stops replication.',
    remediation: 'Apply the firewall rules this library emits for the connector, then record them in the plan (egress, ingress).',
    check: networkAccess,
  },
];
