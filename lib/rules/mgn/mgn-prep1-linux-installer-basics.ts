import { familyGate } from '../../assessment/family-gate';
import { RuleResult, Severity, VmContext } from '../../assessment/rule';
import { describeOs } from '../../plan/model/os';
import { OsFamily, ReplicationMethod, Vm } from '../../plan/model/plan';
import { parseVersion } from '../../private/version';
import type { MgnVmContext } from './context';
import { Checklist } from './facts/checklist';
import { methodGate } from './facts/method-gate';
import { firstInstalled } from './facts/packages';

/** The DHCP client packages the installer accepts, any one of them (the names differ by distribution). */
export const DHCP_CLIENT_PACKAGES: readonly string[] = ['dhclient', 'dhcp-client', 'isc-dhcp-client'];

const PYTHON = 'Python 2.4 or later 2.x, or any 3.x';
const DHCP = `a DHCP client package (${DHCP_CLIENT_PACKAGES.join(', ')})`;
const REQUIREMENT = `the MGN agent installer on Linux needs ${PYTHON}, ${DHCP} and to run as root or a sudoer`;

/**
 * The Linux basics the MGN agent installer needs (an error rule, agent-based replication only): Python
 * 2.4 or later 2.x, or any 3.x (`guest.pythonVersion`; `none` fails); one of the DHCP client packages in
 * `guest.packages`; and an installing user who is root or a sudoer (`guest.sudo`).
 *
 * Fails naming every failing part in one message; unknown when a needed fact is missing and no part
 * fails; n/a for agentless VMs and off Linux.
 */
export function linuxInstallerBasics(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const { vm } = ctx;
  const list = new Checklist(Severity.ERROR);
  judgePython(vm, list);
  judgeDhcpClient(vm, list);
  const sudo = vm.guest?.sudo;
  if (sudo == null) {
    list.unknown('whether the installer runs as root or a sudoer is not recorded (guest.sudo): it must');
  } else if (sudo !== true) {
    list.fail(`the installer does not run as root or a sudoer (guest.sudo: ${String(sudo)}): it must`);
  }
  return list.result();
}

function judgePython(vm: Vm, list: Checklist): void {
  const raw = vm.guest?.pythonVersion;
  const text = raw == null ? '' : String(raw).trim();
  if (text === '') {
    list.unknown(`the Python version of ${describeOs(vm.os)} is not recorded (guest.pythonVersion): the installer needs ${PYTHON}`);
    return;
  }
  if (text.toLowerCase() === 'none') {
    list.fail(`Python is not installed (guest.pythonVersion: none): the installer needs ${PYTHON}`);
    return;
  }
  const version = parseVersion(text);
  if (version === undefined) {
    list.unknown(`Python version ${text} is not a version number (guest.pythonVersion): the installer needs ${PYTHON}`);
    return;
  }
  const [major, minor] = version;
  if (major === 3) {
    return;
  }
  if (major === 2 && minor === undefined) {
    list.unknown(`Python ${text} does not say which 2.x (guest.pythonVersion): the installer needs ${PYTHON}`);
    return;
  }
  if (major === 2 && minor >= 4) {
    return;
  }
  list.fail(`Python ${text} is installed (guest.pythonVersion): the installer needs ${PYTHON}`);
}

function judgeDhcpClient(vm: Vm, list: Checklist): void {
  const packages = vm.guest?.packages;
  if (packages == null) {
    list.unknown(`the installed packages are not recorded (guest.packages): the installer needs ${DHCP}`);
  } else if (firstInstalled(packages, DHCP_CLIENT_PACKAGES) === undefined) {
    list.fail(`no DHCP client package is installed (guest.packages): the installer needs ${DHCP}`);
  }
}
