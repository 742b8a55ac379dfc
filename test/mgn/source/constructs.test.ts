import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  MgnAgentInstallationRole, MgnInstallCommands, MgnVcenterClientAccess, vcenterClientConnectors,
} from '../../../lib/mgn/source';
import { Plan } from '../../../lib/plan/model/plan';
import { sourcePlan } from './fixtures';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const outdirs: string[] = [];

function newApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-mgn-source-'));
  outdirs.push(outdir);
  // Stacks that hold only files have empty templates, which the built-in validation would warn about.
  return new App({ outdir, builtinCloudFormationValidation: false });
}

afterAll(() => {
  for (const dir of outdirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** What cdk-nag's AwsSolutions pack still finds once the acknowledgements are applied. */
function nagFindings(app: App): string[] {
  app.synth();
  return new AwsSolutionsChecks().validateScope(app).violations
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
}

describe('MgnInstallCommands', () => {
  test('writes <id>.mgn-install-commands.json and .md into the cloud assembly', () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, 'Stack', { env: ENV });

    // WHEN
    const commands = new MgnInstallCommands(stack, 'Source', { plan: sourcePlan(), installationRoleArn: 'arn:aws:iam::123456789012:role/x' });
    const assembly = app.synth();

    // THEN
    expect(commands.jsonFileName).toBe('Source.mgn-install-commands.json');
    const json = JSON.parse(fs.readFileSync(path.join(assembly.directory, commands.jsonFileName), 'utf8'));
    expect(json.vms.map((v: { vm: string }) => v.vm)).toEqual(['web-01', 'app-01', 'odd-01', 'snap-01']);
    expect(json.credentials.roleArn).toBe('arn:aws:iam::123456789012:role/x');
    const md = fs.readFileSync(path.join(assembly.directory, 'Source.mgn-install-commands.md'), 'utf8');
    expect(md.startsWith('# MGN replication agent installation\n')).toBe(true);
    Template.fromStack(stack).templateMatches({ Resources: Match.absent() });
  });

  test('takes the stack\'s Region when the plan has none, and warns when neither has one', () => {
    // GIVEN
    const plan = { ...sourcePlan(), mgn: undefined };
    const app = newApp();
    const withRegion = new Stack(app, 'WithRegion', { env: ENV });
    const agnostic = new Stack(app, 'Agnostic');

    // WHEN
    const known = new MgnInstallCommands(withRegion, 'Known', { plan: plan as Plan });
    const unknown = new MgnInstallCommands(agnostic, 'Unknown', { plan: plan as Plan });

    // THEN
    expect(known.document.region).toBe('eu-west-1');
    expect(unknown.document.region).toBe('<region>');
    Annotations.fromStack(agnostic).hasWarning('/Agnostic/Unknown', Match.stringLikeRegexp('the install commands say <region>'));
  });

  test('writes a role ARN that resolves only at deployment as the placeholder', () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, 'Stack', { env: ENV });
    const role = new MgnAgentInstallationRole(stack, 'Role');

    // WHEN
    const commands = new MgnInstallCommands(stack, 'Cmds', { plan: sourcePlan(), installationRoleArn: role.role!.roleArn });

    // THEN
    expect(commands.document.credentials.roleArn).toBe('<installation-role-arn>');
  });

  test('fails when the endpoints or the Region are not what the installer takes', () => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack', { env: ENV });

    // THEN
    expect(() => new MgnInstallCommands(stack, 'Bad', { plan: sourcePlan(), region: 'Ireland', endpoint: 'https://x', s3Endpoint: 'a b' }))
      .toThrow(new RegExp('found 3 errors:\n- region \'Ireland\' is not a Region code[^\n]*\n'
        + '- endpoint \'https://x\' is not the DNS name[^\n]*\n- s3Endpoint \'a b\''));
  });

  test('fails when two constructs write the same file name with other contents', () => {
    // GIVEN
    const app = newApp();
    new MgnInstallCommands(new Stack(app, 'A', { env: ENV }), 'Cmds', { plan: sourcePlan() });

    // THEN
    expect(() => new MgnInstallCommands(new Stack(app, 'B', { env: ENV }), 'Cmds', { plan: sourcePlan(), region: 'us-east-1' }))
      .toThrow(/fileName Cmds.mgn-install-commands.json is already written by A\/Cmds with other contents/);
  });
});

describe('MgnAgentInstallationRole', () => {
  test('defines a role the account may assume, with the installation policy and sessions of 1 hour', () => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack', { env: ENV });

    // WHEN
    new MgnAgentInstallationRole(stack, 'Install', { roleName: 'mgn-agent-install' });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'mgn-agent-install',
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole', Effect: 'Allow',
          Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:root']] } },
        }],
      },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSApplicationMigrationAgentInstallationPolicy']] }],
    });
    template.resourceCountIs('AWS::IAM::User', 0);
    template.resourceCountIs('AWS::IAM::AccessKey', 0);
  });

  test('trusts the principal given', () => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack', { env: ENV });

    // WHEN
    new MgnAgentInstallationRole(stack, 'Install', { assumedBy: new iam.ArnPrincipal('arn:aws:iam::123456789012:role/ops') });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: 'arn:aws:iam::123456789012:role/ops' } })] },
    });
  });

  test('grantAssumeRole lets a principal assume the role', () => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack', { env: ENV });
    const install = new MgnAgentInstallationRole(stack, 'Install');
    const ops = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    install.grantAssumeRole(ops);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Install'), 'Arn'] } }] },
    });
    expect(() => install.grantReadCredentials(ops)).toThrow(/defines a role, whose credentials are temporary: use grantAssumeRole/);
  });

  test('with longLivedUser, defines a user whose access key is only in Secrets Manager', () => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack', { env: ENV });

    // WHEN
    const install = new MgnAgentInstallationRole(stack, 'Install', { longLivedUser: true });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 0);
    template.hasResourceProperties('AWS::IAM::User', {
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSApplicationMigrationAgentInstallationPolicy']] }],
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      SecretString: { 'Fn::Join': ['', Match.arrayWith([Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('^InstallAccessKey'), 'SecretAccessKey'] })])] },
    });
    expect(template.toJSON().Outputs).toBeUndefined();
    expect(install.role).toBeUndefined();
    expect(() => install.grantAssumeRole(new iam.AccountRootPrincipal())).toThrow(/defines a user \(longLivedUser\), not a role to assume/);
  });

  test('fails when role props are given with longLivedUser, or the role name is not an IAM name', () => {
    const stack = new Stack(newApp(), 'Stack', { env: ENV });
    expect(() => new MgnAgentInstallationRole(stack, 'A', { longLivedUser: true, roleName: 'x' })).toThrow(/leave them out or drop longLivedUser/);
    expect(() => new MgnAgentInstallationRole(stack, 'B', { roleName: 'bad name' })).toThrow(/roleName 'bad name' is not an IAM role name/);
  });
});

describe('MgnVcenterClientAccess', () => {
  test('lists the vmware connectors that serve an agentless VM', () => {
    const plan = sourcePlan([{ name: 'hv-01', hypervisor: 'hyperv', connector: 'hv', mgn: { replication: { method: 'agentless' } } }]);
    expect(vcenterClientConnectors(plan).map((c) => c.name)).toEqual(['dc1-vcc']);
  });

  test('defines a user with the client policies and an access key in a secret, and writes the settings file', () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, 'Stack', { env: ENV });

    // WHEN
    const client = new MgnVcenterClientAccess(stack, 'Dc1', {
      plan: sourcePlan(), connectorName: 'dc1-vcc', vcenterHost: 'vcenter.dc1.example', secretName: 'mgn/vcc/dc1',
      endpoint: 'vpce-1.mgn.eu-west-1.vpce.amazonaws.com',
    });
    const assembly = app.synth();

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::User', {
      ManagedPolicyArns: ['AWSApplicationMigrationVCenterClientPolicy', 'AWSApplicationMigrationAgentPolicy']
        .map((name) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] })),
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'mgn/vcc/dc1' });
    template.resourceCountIs('AWS::IAM::AccessKey', 1);
    expect(template.toJSON().Outputs).toBeUndefined();
    const settings = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'Dc1.mgn-vcenter-client.json'), 'utf8'));
    expect(settings).toEqual(client.settings);
    expect(settings).toEqual(expect.objectContaining({
      connector: 'dc1-vcc',
      region: 'eu-west-1',
      vcenter: { host: 'vcenter.dc1.example', port: 8443 },
      vms: ['snap-01'],
      credentials: { secret: 'mgn/vcc/dc1', accessKeyIdKey: 'accessKeyId', secretAccessKeyKey: 'secretAccessKey' },
    }));
    expect(settings.installer).toEqual({
      url: 'https://aws-application-migration-service-eu-west-1.s3.eu-west-1.amazonaws.com/latest/vcenter-client/linux/aws-vcenter-client-installer-init.py',
      sha512Url: 'https://aws-application-migration-service-hashes-eu-west-1.s3.eu-west-1.amazonaws.com/latest/vcenter-client/linux/'
        + 'aws-vcenter-client-installer-init.py.sha512',
      commands: [
        'wget -O ./aws-vcenter-client-installer-init.py \'https://aws-application-migration-service-eu-west-1.s3.eu-west-1.amazonaws.com'
          + '/latest/vcenter-client/linux/aws-vcenter-client-installer-init.py\'',
        'sudo python3 aws-vcenter-client-installer-init.py',
      ],
    });
    expect(settings.prompts).toContainEqual({ prompt: 'Private Link endpoint for MGN', answer: 'vpce-1.mgn.eu-west-1.vpce.amazonaws.com' });
    expect(settings.prompts).toContainEqual({ prompt: 'vCenter port', answer: '8443' });
  });

  test('says <vcenter-host> and names the secret by its path when neither is given', () => {
    const stack = new Stack(newApp(), 'Stack', { env: ENV });
    const client = new MgnVcenterClientAccess(stack, 'Dc1', { plan: sourcePlan(), connectorName: 'dc1-vcc' });
    expect(client.settings.vcenter.host).toBe('<vcenter-host>');
    expect(client.settings.credentials.secret).toBe('the secret Stack/Dc1/Credentials (its name is generated at deployment)');
  });

  test('fails for a connector that is not in the plan or not vmware', () => {
    const stack = new Stack(newApp(), 'Stack', { env: ENV });
    expect(() => new MgnVcenterClientAccess(stack, 'A', { plan: sourcePlan(), connectorName: 'nope' }))
      .toThrow(/connectorName nope is not a connector of the plan, use one of dc1-vcc, hv/);
    expect(() => new MgnVcenterClientAccess(stack, 'B', { plan: sourcePlan(), connectorName: 'hv' }))
      .toThrow(/connector hv is hyperv: MGN's vCenter Client serves vmware connectors only/);
  });
});

describe('cdk-nag', () => {
  test('finds nothing unacknowledged in every source-side construct with every option', () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, 'Stack', { env: ENV });
    const role = new MgnAgentInstallationRole(stack, 'Role', { roleName: 'mgn-agent-install' });
    new MgnAgentInstallationRole(stack, 'User', { longLivedUser: true });
    const ops = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    role.grantAssumeRole(ops);
    new MgnVcenterClientAccess(stack, 'Dc1', { plan: sourcePlan(), connectorName: 'dc1-vcc', vcenterHost: 'vc', secretName: 'vcc' });
    new MgnInstallCommands(stack, 'Cmds', { plan: sourcePlan() });

    // THEN
    expect(nagFindings(app)).toEqual([]);
  });
});
