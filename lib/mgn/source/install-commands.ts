import { OsFamily, Plan, ReplicationMethod, Vm } from '../../plan/model/plan';
import { psQuote, shQuote, windowsArgQuote } from '../../private/shell-quote';
import { escapeJsonControls } from '../../private/visible-controls';
import { mgnPlanFacts } from '../../rules/mgn/plan-facts';
import {
  LINUX_AGENT_INSTALLER, linuxAgentInstallerUrl, WINDOWS_AGENT_INSTALLER, windowsAgentInstallerUrl,
} from './installers';

/**
 * The commands that install MGN's replication agent on each VM of a plan, as text a person pastes
 * into a shell on the source server: pure functions, no constructs (`MgnInstallCommands` writes them
 * into the cloud assembly).
 *
 * Each agent VM gets the command of its OS family: on Linux, download the installer, make it
 * executable and run it with sudo; on Windows, download it and run it from PowerShell. Both pass the
 * Region, `--no-prompt`, `--user-provided-id <VM name>` (so MGN records the server under the plan's
 * name and the deploy path finds it), the VPC endpoints when given, and the three temporary
 * credentials, read from variables that the `aws sts assume-role` command of `credentials` fills.
 * The VM name is quoted for each shell, so a name holding quotes, blanks, `$`, backticks or `;` is
 * passed as it is and never run.
 */

/** The shell variables (sh) and environment variables (PowerShell) the install commands read the credentials from. */
export const CREDENTIAL_VARIABLES = {
  ACCESS_KEY_ID: 'MGN_ACCESS_KEY_ID',
  SECRET_ACCESS_KEY: 'MGN_SECRET_ACCESS_KEY',
  SESSION_TOKEN: 'MGN_SESSION_TOKEN',
} as const;

/** What the commands say where the Region is not known at synth (an environment-agnostic stack). */
export const REGION_PLACEHOLDER = '<region>';

/** What the assume-role commands say where the installation role's ARN is not known at synth. */
export const ROLE_ARN_PLACEHOLDER = '<installation-role-arn>';

/** The role session name of the assume-role commands. */
export const INSTALL_SESSION_NAME = 'mgn-agent-install';

/** How long the temporary credentials last, in seconds: the installation role's maximum session, 1 hour. */
export const INSTALL_SESSION_SECONDS = 3600;

/** Options of `mgnInstallCommandsFor`. */
export interface MgnInstallOptions {
  /**
   * The Region the agents register in.
   *
   * @default - the plan's `mgn.region`, else `<region>` for the reader to replace
   */
  readonly region?: string;

  /** The DNS name of an interface VPC endpoint of MGN, passed as `--endpoint`. @default - MGN's public endpoint */
  readonly endpoint?: string;

  /** The DNS name of an S3 VPC endpoint, passed as `--s3-endpoint`. @default - S3's public endpoint */
  readonly s3Endpoint?: string;

  /**
   * The ARN of the role whose temporary credentials install the agents (`MgnAgentInstallationRole`).
   *
   * @default - `<installation-role-arn>` for the reader to replace
   */
  readonly installationRoleArn?: string;
}

/** The OS family a VM's command was chosen for. */
export enum InstallOs {
  LINUX = 'linux',
  WINDOWS = 'windows',
  /** `os.family` is absent or `other`: both commands are given. */
  UNKNOWN = 'unknown',
}

/** One VM's installation. */
export interface MgnInstallCommand {
  /** The VM's name, also its `--user-provided-id`. */
  readonly vm: string;

  /** How the VM replicates: only `agent` VMs get commands. */
  readonly method: ReplicationMethod;

  /** The OS family the commands are for; absent for an agentless VM. */
  readonly os?: InstallOs;

  /** The sh commands, one per line, for Linux (and for an unknown OS). @default - none */
  readonly linux?: string[];

  /** The PowerShell commands, one per line, for Windows (and for an unknown OS). @default - none */
  readonly windows?: string[];

  /** An agentless VM's connector, whose vCenter Client replicates it. @default - none */
  readonly connector?: string;

  /** What the reader must know: why there is no command, or why there are two. @default - none */
  readonly note?: string;
}

/** How to get the temporary credentials the commands read. */
export interface MgnInstallCredentials {
  /** The role assumed: its ARN, or `<installation-role-arn>`. */
  readonly roleArn: string;
  /** The variables the commands read, in the order the sh command prints them. */
  readonly variables: string[];
  /** sh: assumes the role with the AWS CLI and sets the variables. */
  readonly sh: string[];
  /** PowerShell: assumes the role with the AWS CLI and sets the variables. */
  readonly powershell: string[];
}

/** Everything the files hold. */
export interface MgnInstallCommandsDocument {
  /** The Region the agents register in, or `<region>`. */
  readonly region: string;
  /** `--endpoint`, when given. */
  readonly endpoint?: string;
  /** `--s3-endpoint`, when given. */
  readonly s3Endpoint?: string;
  readonly credentials: MgnInstallCredentials;
  /** One entry per plan VM, in plan order. */
  readonly vms: MgnInstallCommand[];
}

/** The installations of every VM of a plan. */
export function mgnInstallCommandsFor(plan: Plan, options: MgnInstallOptions = {}): MgnInstallCommandsDocument {
  const region = options.region ?? plan.mgn?.region ?? REGION_PLACEHOLDER;
  const settings = mgnPlanFacts(plan.vms, { plan }).scope.settings;
  const flags: AgentFlags = { region, endpoint: options.endpoint, s3Endpoint: options.s3Endpoint };
  return {
    region,
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    ...(options.s3Endpoint !== undefined ? { s3Endpoint: options.s3Endpoint } : {}),
    credentials: credentialsFor(options.installationRoleArn ?? ROLE_ARN_PLACEHOLDER),
    vms: plan.vms.map((vm) => commandOf(vm, settings(vm).replication.method, flags)),
  };
}

interface AgentFlags {
  readonly region: string;
  readonly endpoint?: string;
  readonly s3Endpoint?: string;
}

function commandOf(vm: Vm, method: ReplicationMethod, flags: AgentFlags): MgnInstallCommand {
  if (method === ReplicationMethod.AGENTLESS) {
    return {
      vm: vm.name,
      method,
      ...(vm.connector !== undefined ? { connector: vm.connector } : {}),
      note: vm.connector !== undefined
        ? `replicated without an agent by the vCenter Client of connector ${vm.connector}: nothing to install on the VM`
        : 'replicated without an agent by a vCenter Client, but the VM names no connector: set its connector',
    };
  }
  const family = vm.os?.family;
  if (family === OsFamily.LINUX) {
    return { vm: vm.name, method, os: InstallOs.LINUX, linux: linuxCommand(vm.name, flags) };
  }
  if (family === OsFamily.WINDOWS) {
    return { vm: vm.name, method, os: InstallOs.WINDOWS, windows: windowsCommand(vm.name, flags) };
  }
  return {
    vm: vm.name,
    method,
    os: InstallOs.UNKNOWN,
    linux: linuxCommand(vm.name, flags),
    windows: windowsCommand(vm.name, flags),
    note: family === undefined
      ? 'the plan does not record the VM\'s os.family: run the command of its OS'
      : `os.family is ${family}: MGN's agent installs on Linux and Windows only; run the command of its OS if it is one of them`,
  };
}

/** The installer's flags other than the credentials, as [flag, value] pairs; `--no-prompt` has no value. */
function agentArguments(vmName: string, flags: AgentFlags): Array<[string, string | undefined]> {
  const args: Array<[string, string | undefined]> = [['--region', flags.region], ['--no-prompt', undefined], ['--user-provided-id', vmName]];
  if (flags.endpoint !== undefined) {
    args.push(['--endpoint', flags.endpoint]);
  }
  if (flags.s3Endpoint !== undefined) {
    args.push(['--s3-endpoint', flags.s3Endpoint]);
  }
  return args;
}

const CREDENTIAL_FLAGS: ReadonlyArray<[string, string]> = [
  ['--aws-access-key-id', CREDENTIAL_VARIABLES.ACCESS_KEY_ID],
  ['--aws-secret-access-key', CREDENTIAL_VARIABLES.SECRET_ACCESS_KEY],
  ['--aws-session-token', CREDENTIAL_VARIABLES.SESSION_TOKEN],
];

function linuxCommand(vmName: string, flags: AgentFlags): string[] {
  const installer = `./${LINUX_AGENT_INSTALLER}`;
  const args = agentArguments(vmName, flags).map(([flag, value]) => (value === undefined ? flag : `${flag} ${shQuote(value)}`));
  // The credentials are expanded by the shell the command is pasted into, before sudo runs.
  const credentials = CREDENTIAL_FLAGS.map(([flag, variable]) => `${flag} "$${variable}"`);
  return [
    `wget -O ${installer} ${shQuote(linuxAgentInstallerUrl(flags.region))}`,
    `sudo chmod +x ${installer}`,
    ['sudo', installer, ...args, ...credentials].join(' '),
  ];
}

function windowsCommand(vmName: string, flags: AgentFlags): string[] {
  // One command-line string for Start-Process, which hands it to the installer unchanged in every
  // PowerShell version; each value is quoted as the installer's C runtime splits it, then the whole
  // string as a PowerShell literal. The credentials are appended from the environment: they hold
  // only letters, digits, '+', '/' and '='.
  const args = agentArguments(vmName, flags).map(([flag, value]) => (value === undefined ? flag : `${flag} ${windowsArgQuote(value)}`));
  const credentials = CREDENTIAL_FLAGS.map(([flag, variable]) => `${psQuote(` ${flag} `)} + $env:${variable}`);
  return [
    '$ErrorActionPreference = \'Stop\'',
    `$installer = Join-Path $env:TEMP ${psQuote(WINDOWS_AGENT_INSTALLER)}`,
    `Invoke-WebRequest -UseBasicParsing -Uri ${psQuote(windowsAgentInstallerUrl(flags.region))} -OutFile $installer`,
    `$arguments = ${[psQuote(args.join(' ')), ...credentials].join(' + ')}`,
    '$process = Start-Process -FilePath $installer -ArgumentList $arguments -Wait -NoNewWindow -PassThru',
    'if ($process.ExitCode -ne 0) { throw (\'the MGN agent installer failed with exit code \' + $process.ExitCode) }',
  ];
}

function credentialsFor(roleArn: string): MgnInstallCredentials {
  const assumeRole = (quote: (s: string) => string) => `aws sts assume-role --role-arn ${quote(roleArn)} `
    + `--role-session-name ${INSTALL_SESSION_NAME} --duration-seconds ${INSTALL_SESSION_SECONDS}`;
  const { ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN } = CREDENTIAL_VARIABLES;
  return {
    roleArn,
    variables: [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN],
    sh: [
      `credentials=$(${assumeRole(shQuote)} --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)`,
      // The text output is the three values on one line, separated by tabs.
      `${ACCESS_KEY_ID}=$(printf '%s' "$credentials" | cut -f1)`,
      `${SECRET_ACCESS_KEY}=$(printf '%s' "$credentials" | cut -f2)`,
      `${SESSION_TOKEN}=$(printf '%s' "$credentials" | cut -f3)`,
    ],
    powershell: [
      `$credentials = (${assumeRole(psQuote)} --output json | ConvertFrom-Json).Credentials`,
      `$env:${ACCESS_KEY_ID} = $credentials.AccessKeyId`,
      `$env:${SECRET_ACCESS_KEY} = $credentials.SecretAccessKey`,
      `$env:${SESSION_TOKEN} = $credentials.SessionToken`,
    ],
  };
}

/** The document as JSON, with a final newline; control characters of VM names as `\u` escapes. */
export function renderMgnInstallCommandsJson(doc: MgnInstallCommandsDocument): string {
  return `${escapeJsonControls(JSON.stringify(doc, undefined, 2))}\n`;
}

/** A fenced code block that no run of backticks inside it can close. */
function codeBlock(language: string, lines: readonly string[]): string {
  const text = lines.join('\n');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Text shown as it is in Markdown: characters Markdown gives a meaning to escaped, line breaks as blanks. */
function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&$]/g, (ch) => `\\${ch}`);
}

/** The document as Markdown: how to get credentials, then one section per VM. */
export function renderMgnInstallCommandsMarkdown(doc: MgnInstallCommandsDocument): string {
  const parts: string[] = [
    '# MGN replication agent installation',
    '',
    `Region: ${mdText(doc.region)}.`
      + (doc.endpoint !== undefined ? ` MGN endpoint: ${mdText(doc.endpoint)}.` : '')
      + (doc.s3Endpoint !== undefined ? ` S3 endpoint: ${mdText(doc.s3Endpoint)}.` : ''),
    '',
    '## Credentials',
    '',
    `The installer takes temporary credentials of the installation role (${mdText(doc.credentials.roleArn)}), valid for `
      + `${INSTALL_SESSION_SECONDS / 60} minutes. Get them where the AWS CLI has credentials allowed to assume the role, `
      + `then set ${doc.credentials.variables.map(mdText).join(', ')} in the shell of the source server.`,
    '',
    'sh:',
    '',
    codeBlock('sh', doc.credentials.sh),
    '',
    'PowerShell:',
    '',
    codeBlock('powershell', doc.credentials.powershell),
    '',
    '## VMs',
  ];
  for (const entry of doc.vms) {
    parts.push('', `### ${mdText(entry.vm)}`, '');
    if (entry.note !== undefined) {
      parts.push(`${mdText(entry.note)}.`, '');
    }
    if (entry.linux !== undefined) {
      parts.push('Linux (sh):', '', codeBlock('sh', entry.linux), '');
    }
    if (entry.windows !== undefined) {
      parts.push('Windows (PowerShell, as Administrator):', '', codeBlock('powershell', entry.windows), '');
    }
  }
  return `${parts.join('\n').replace(/\n+$/, '')}\n`;
}
