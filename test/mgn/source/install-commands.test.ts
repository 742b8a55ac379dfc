import { spawnSync } from 'child_process';
import {
  CREDENTIAL_VARIABLES, InstallOs, mgnInstallCommandsFor, REGION_PLACEHOLDER, renderMgnInstallCommandsJson, renderMgnInstallCommandsMarkdown,
  ROLE_ARN_PLACEHOLDER,
} from '../../../lib/mgn/source';
import { ReplicationMethod } from '../../../lib/plan/model/plan';
import { psQuote, shQuote, windowsArgQuote } from '../../../lib/private/shell-quote';
import { HOSTILE_NAMES, readPsSingleQuoted, sourcePlan, windowsArgv } from './fixtures';

const ROLE = 'arn:aws:iam::123456789012:role/mgn-agent-install';

/** Runs sh text in bash with wget, chmod and sudo replaced by functions; returns the arguments sudo got for the installer. */
function installerArgsFromSh(lines: readonly string[]): string[] {
  const script = [
    'wget() { :; }',
    'sudo() { if [ "$1" = chmod ]; then return 0; fi; shift; printf \'%s\\0\' "$@"; }',
    `${CREDENTIAL_VARIABLES.ACCESS_KEY_ID}=ASIAEXAMPLE`,
    `${CREDENTIAL_VARIABLES.SECRET_ACCESS_KEY}='se/cr+et='`,
    `${CREDENTIAL_VARIABLES.SESSION_TOKEN}=tok`,
    ...lines,
  ].join('\n');
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.split('\0').slice(0, -1);
}

/** The string the PowerShell command hands Start-Process, evaluated from its `$arguments = ...` line. */
function argumentsFromPowerShell(lines: readonly string[]): string {
  const line = lines.find((l) => l.startsWith('$arguments = '))!;
  const env: Record<string, string> = {
    [CREDENTIAL_VARIABLES.ACCESS_KEY_ID]: 'ASIAEXAMPLE', [CREDENTIAL_VARIABLES.SECRET_ACCESS_KEY]: 'se/cr+et=', [CREDENTIAL_VARIABLES.SESSION_TOKEN]: 'tok',
  };
  let i = '$arguments = '.length;
  let out = '';
  for (;;) {
    if (line.startsWith('$env:', i)) {
      const name = /^\$env:([A-Z_]+)/.exec(line.slice(i))![1];
      out += env[name];
      i += '$env:'.length + name.length;
    } else {
      const literal = readPsSingleQuoted(line, i);
      out += literal.value;
      i = literal.end;
    }
    if (i >= line.length) {
      return out;
    }
    expect(line.slice(i, i + 3)).toBe(' + ');
    i += 3;
  }
}

describe('mgnInstallCommandsFor', () => {
  test('gives a Linux VM the Linux command: download, chmod, run with sudo, region, id and temporary credentials', () => {
    // GIVEN
    const plan = sourcePlan();

    // WHEN
    const doc = mgnInstallCommandsFor(plan, { installationRoleArn: ROLE });

    // THEN
    const web = doc.vms[0];
    expect(web).toEqual(expect.objectContaining({ vm: 'web-01', method: ReplicationMethod.AGENT, os: InstallOs.LINUX }));
    expect(web.windows).toBeUndefined();
    expect(web.linux![0]).toBe('wget -O ./aws-replication-installer-init '
      + 'https://aws-application-migration-service-eu-west-1.s3.eu-west-1.amazonaws.com/latest/linux/aws-replication-installer-init');
    expect(web.linux![1]).toBe('sudo chmod +x ./aws-replication-installer-init');
    expect(installerArgsFromSh(web.linux!)).toEqual([
      '--region', 'eu-west-1', '--no-prompt', '--user-provided-id', 'web-01',
      '--aws-access-key-id', 'ASIAEXAMPLE', '--aws-secret-access-key', 'se/cr+et=', '--aws-session-token', 'tok',
    ]);
  });

  test('gives a Windows VM the PowerShell command with the same flags', () => {
    // GIVEN
    const plan = sourcePlan();

    // WHEN
    const doc = mgnInstallCommandsFor(plan, { installationRoleArn: ROLE });

    // THEN
    const app = doc.vms[1];
    expect(app).toEqual(expect.objectContaining({ vm: 'app-01', os: InstallOs.WINDOWS }));
    expect(app.linux).toBeUndefined();
    expect(app.windows!.join('\n')).toContain('-Uri \'https://aws-application-migration-service-eu-west-1.s3.eu-west-1.amazonaws.com'
      + '/latest/windows/AwsReplicationWindowsInstaller.exe\' -OutFile $installer');
    expect(windowsArgv(argumentsFromPowerShell(app.windows!))).toEqual([
      '--region', 'eu-west-1', '--no-prompt', '--user-provided-id', 'app-01',
      '--aws-access-key-id', 'ASIAEXAMPLE', '--aws-secret-access-key', 'se/cr+et=', '--aws-session-token', 'tok',
    ]);
    expect(app.windows).toContain('if ($process.ExitCode -ne 0) { throw (\'the MGN agent installer failed with exit code \' + $process.ExitCode) }');
  });

  test('gives a VM of unknown OS both commands and a note', () => {
    // GIVEN
    const plan = sourcePlan();

    // WHEN
    const odd = mgnInstallCommandsFor(plan).vms[2];

    // THEN
    expect(odd.os).toBe(InstallOs.UNKNOWN);
    expect(odd.linux).toBeDefined();
    expect(odd.windows).toBeDefined();
    expect(odd.note).toMatch(/does not record the VM's os\.family/);
  });

  test('says of an OS family other than Linux and Windows that the agent does not install there', () => {
    // GIVEN
    const plan = sourcePlan([{ name: 'bsd-01', hypervisor: 'vmware', os: { family: 'other' } }]);

    // WHEN
    const bsd = mgnInstallCommandsFor(plan).vms[4];

    // THEN
    expect(bsd.os).toBe(InstallOs.UNKNOWN);
    expect(bsd.note).toMatch(/os\.family is other: MGN's agent installs on Linux and Windows only/);
  });

  test('gives an agentless VM no command, only the connector whose vCenter Client replicates it', () => {
    // GIVEN
    const plan = sourcePlan([{ name: 'lost-01', hypervisor: 'vmware', mgn: { replication: { method: 'agentless' } } }]);

    // WHEN
    const [, , , snap, lost] = mgnInstallCommandsFor(plan).vms;

    // THEN
    expect(snap).toEqual({
      vm: 'snap-01', method: ReplicationMethod.AGENTLESS, connector: 'dc1-vcc',
      note: 'replicated without an agent by the vCenter Client of connector dc1-vcc: nothing to install on the VM',
    });
    expect(lost.note).toMatch(/names no connector/);
    expect(lost.linux).toBeUndefined();
  });

  test('passes the VPC endpoints when given', () => {
    // GIVEN
    const plan = sourcePlan();

    // WHEN
    const doc = mgnInstallCommandsFor(plan, { endpoint: 'vpce-1.mgn.eu-west-1.vpce.amazonaws.com', s3Endpoint: 'bucket.vpce-2.s3.eu-west-1.vpce.amazonaws.com' });

    // THEN
    expect(installerArgsFromSh(doc.vms[0].linux!).slice(5, 9)).toEqual([
      '--endpoint', 'vpce-1.mgn.eu-west-1.vpce.amazonaws.com', '--s3-endpoint', 'bucket.vpce-2.s3.eu-west-1.vpce.amazonaws.com',
    ]);
    expect(windowsArgv(argumentsFromPowerShell(doc.vms[1].windows!)).slice(5, 9)).toEqual([
      '--endpoint', 'vpce-1.mgn.eu-west-1.vpce.amazonaws.com', '--s3-endpoint', 'bucket.vpce-2.s3.eu-west-1.vpce.amazonaws.com',
    ]);
    expect(doc.endpoint).toBe('vpce-1.mgn.eu-west-1.vpce.amazonaws.com');
  });

  test('takes the Region given over the plan\'s, and says <region> when neither is known', () => {
    // GIVEN
    const plan = sourcePlan();
    const noRegion = { ...plan, mgn: undefined };

    // WHEN
    const given = mgnInstallCommandsFor(plan, { region: 'us-east-2' });
    const unknown = mgnInstallCommandsFor(noRegion);

    // THEN
    expect(given.region).toBe('us-east-2');
    expect(installerArgsFromSh(given.vms[0].linux!).slice(0, 2)).toEqual(['--region', 'us-east-2']);
    expect(unknown.region).toBe(REGION_PLACEHOLDER);
    expect(installerArgsFromSh(unknown.vms[0].linux!).slice(0, 2)).toEqual(['--region', '<region>']);
  });

  test.each(HOSTILE_NAMES)('passes the hostile VM name %j to both installers as it is, running nothing', (name) => {
    // GIVEN
    const plan = sourcePlan([
      { name, hypervisor: 'vmware', os: { family: 'linux' } },
      { name: `${name}-w`, hypervisor: 'vmware', os: { family: 'windows' } },
    ]);

    // WHEN
    const doc = mgnInstallCommandsFor(plan);
    const linux = doc.vms[4].linux!;
    const windows = doc.vms[5].windows!;

    // THEN
    expect(spawnSync('bash', ['-n', '-c', linux.join('\n')]).status).toBe(0);
    const linuxArgs = installerArgsFromSh(linux);
    expect(linuxArgs[linuxArgs.indexOf('--user-provided-id') + 1]).toBe(name);
    expect(linuxArgs).toHaveLength(11);
    const windowsArgs = windowsArgv(argumentsFromPowerShell(windows));
    expect(windowsArgs[windowsArgs.indexOf('--user-provided-id') + 1]).toBe(`${name}-w`);
    expect(windowsArgs).toHaveLength(11);
  });

  test('prints the assume-role commands of the installation role, for sh and PowerShell', () => {
    // GIVEN
    const plan = sourcePlan();

    // WHEN
    const withRole = mgnInstallCommandsFor(plan, { installationRoleArn: ROLE }).credentials;
    const withoutRole = mgnInstallCommandsFor(plan).credentials;

    // THEN
    expect(withRole.sh[0]).toBe(`credentials=$(aws sts assume-role --role-arn ${ROLE} --role-session-name mgn-agent-install `
      + '--duration-seconds 3600 --query \'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]\' --output text)');
    expect(spawnSync('bash', ['-n', '-c', withRole.sh.join('\n')]).status).toBe(0);
    expect(withRole.powershell[0]).toBe(`$credentials = (aws sts assume-role --role-arn '${ROLE}' --role-session-name mgn-agent-install `
      + '--duration-seconds 3600 --output json | ConvertFrom-Json).Credentials');
    expect(withRole.variables).toEqual(['MGN_ACCESS_KEY_ID', 'MGN_SECRET_ACCESS_KEY', 'MGN_SESSION_TOKEN']);
    expect(withoutRole.roleArn).toBe(ROLE_ARN_PLACEHOLDER);
    expect(spawnSync('bash', ['-n', '-c', withoutRole.sh.join('\n')]).status).toBe(0);
  });

  test('sets the variables the install command reads from the assume-role output', () => {
    // GIVEN
    const { sh } = mgnInstallCommandsFor(sourcePlan(), { installationRoleArn: ROLE }).credentials;
    const fakeAws = 'aws() { printf \'ASIAKEY\\tse/cr+et=\\tto+ken/=\\n\'; }';

    // WHEN
    const result = spawnSync('bash', ['-c', [fakeAws, ...sh, 'printf \'%s|%s|%s\' "$MGN_ACCESS_KEY_ID" "$MGN_SECRET_ACCESS_KEY" "$MGN_SESSION_TOKEN"']
      .join('\n')], { encoding: 'utf8' });

    // THEN
    expect(result.stdout).toBe('ASIAKEY|se/cr+et=|to+ken/=');
  });
});

describe('quoting', () => {
  test.each(HOSTILE_NAMES)('sh reads back %j exactly', (value) => {
    const result = spawnSync('bash', ['-c', `printf '%s' ${shQuote(value)}`], { encoding: 'utf8' });
    expect(result.stdout).toBe(value);
  });

  test.each(HOSTILE_NAMES)('a PowerShell single-quoted literal of %j holds it exactly, with every single quote doubled', (value) => {
    const literal = psQuote(value);
    expect(readPsSingleQuoted(literal, 0)).toEqual({ value, end: literal.length });
  });

  test.each(HOSTILE_NAMES)('the C runtime splits the quoted %j back into it', (value) => {
    expect(windowsArgv(`--x ${windowsArgQuote(value)} --y`)).toEqual(['--x', value, '--y']);
  });

  test('leaves plain words unquoted for sh', () => {
    expect(shQuote('web-01.example.com')).toBe('web-01.example.com');
    expect(shQuote('')).toBe('\'\'');
  });
});

describe('rendering', () => {
  test('writes JSON that reads back as the document', () => {
    // GIVEN
    const doc = mgnInstallCommandsFor(sourcePlan([{ name: 'ctl\u0007', hypervisor: 'vmware', os: { family: 'linux' } }]), { installationRoleArn: ROLE });

    // WHEN
    const json = renderMgnInstallCommandsJson(doc);

    // THEN
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(json).toContain('ctl\\u0007');
    expect(json.endsWith('}\n')).toBe(true);
  });

  test('writes Markdown with one section per VM, whose fences no backticks in a name can close', () => {
    // GIVEN
    const doc = mgnInstallCommandsFor(sourcePlan([{ name: 'a```b', hypervisor: 'vmware', os: { family: 'linux' } }]), { installationRoleArn: ROLE });

    // WHEN
    const md = renderMgnInstallCommandsMarkdown(doc);

    // THEN
    expect(md).toContain('### web\\-01\n');
    expect(md).toContain('### snap\\-01\n\nreplicated without an agent by the vCenter Client of connector dc1\\-vcc: nothing to install on the VM.');
    expect(md).toContain('### a\\`\\`\\`b\n\nLinux (sh):\n\n````sh\n');
    expect(md).toContain('Windows (PowerShell, as Administrator):');
    expect(md).toContain(`aws sts assume-role --role-arn ${ROLE}`);
  });
});
