import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { MgnImport } from '../../../lib/mgn/mgn-import';
import { MgnSourceServer } from '../../../lib/mgn/mgn-source-server';
import { MgnWave } from '../../../lib/mgn/mgn-wave';
import { DesiredServer } from '../../../lib/mgn/handler/desired';
import { ReplicationMethod } from '../../../lib/plan/model/plan';
import { useMgnBundle } from './bundle';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const CSV = 'mgn:server:user-provided-id,mgn:server:platform,mgn:server:tag:cdk-sms-migration:vm\r\nweb-01,Linux,web-01\r\n';
const outdirs: string[] = [];
useMgnBundle();

function newStack(): Stack {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgn-wave-'));
  outdirs.push(outdir);
  return new Stack(new App({ outdir }), 'Stack', { env: ENV });
}

afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const SETTINGS: DesiredServer = {
  replication: { bandwidthThrottling: 200, dataPlaneRouting: 'PRIVATE_IP', associateDefaultSecurityGroup: false },
  launch: { launchDisposition: 'STARTED', copyPrivateIp: true, licensingOsByol: true },
  launchTemplate: { instanceType: 'm6i.large', securityGroupIds: ['sg-01'], tenancy: 'host' },
};

describe('MgnWave', () => {
  test('is a Custom::MgnWave with the wave\'s name, description and applications', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const wave = new MgnWave(stack, 'Wave', { waveName: 'wave-1', applications: ['web', 'app'], description: 'web and app tiers' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('Custom::MgnWave', {
      ServiceToken: Match.anyValue(),
      DisplayName: 'wave-1',
      WaveName: 'wave-1',
      Description: 'web and app tiers',
      Applications: ['web', 'app'],
    });
    expect(stack.resolve(wave.waveId)['Fn::GetAtt'][1]).toBe('WaveId');
  });

  test('writes no description when none is given', () => {
    const stack = newStack();
    new MgnWave(stack, 'Wave', { waveName: 'all', applications: ['default'] });
    Template.fromStack(stack).hasResourceProperties('Custom::MgnWave', { Description: Match.absent() });
  });
});

describe('MgnImport', () => {
  test('uploads the file as an asset whose key ends in .csv, and imports it by bucket, key, content hash and row VMs', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const imp = new MgnImport(stack, 'Import', { csv: CSV, rowVms: ['web-01'], fileName: 'wave-1.mgn-import' });

    // THEN
    const hash = crypto.createHash('sha256').update(CSV, 'utf8').digest('hex');
    expect(imp.contentHash).toBe(hash);
    const props = Object.values(Template.fromStack(stack).findResources('Custom::MgnImport'))[0].Properties;
    expect(props).toEqual({
      ServiceToken: expect.anything(),
      DisplayName: 'import wave-1.mgn-import.csv',
      Bucket: 'cdk-hnb659fds-assets-123456789012-eu-west-1',
      Key: expect.stringMatching(/^[0-9a-f]{64}\.csv$/),
      ContentHash: hash,
      RowVms: ['web-01'],
    });
    // AND the file is in the cloud assembly, staged as the asset
    const outdir = (stack.node.root as App).outdir;
    expect(fs.readFileSync(path.join(outdir, 'wave-1.mgn-import.csv'), 'utf8')).toBe(CSV);
    const assembly = (stack.node.root as App).synth();
    const staged = fs.readdirSync(assembly.directory).filter((f) => /^asset\..*\.csv$/.test(f));
    expect(staged).toHaveLength(1);
    expect(fs.readFileSync(path.join(assembly.directory, staged[0]), 'utf8')).toBe(CSV);
  });

  test('keeps its key and hash for the same content, and changes both with it', () => {
    const key = (csv: string): string => {
      const stack = newStack();
      new MgnImport(stack, 'Import', { csv, rowVms: ['web-01'] });
      return JSON.stringify(Object.values(Template.fromStack(stack).findResources('Custom::MgnImport'))[0].Properties.Key);
    };
    expect(key(CSV)).toBe(key(CSV));
    expect(key(CSV)).not.toBe(key(`${CSV}web-02,Linux,web-02\r\n`));
  });
});

describe('MgnSourceServer', () => {
  test('is a Custom::MgnSourceServer with identity, application, settings, removal policy and refresh', () => {
    // GIVEN
    const stack = newStack();
    const wave = new MgnWave(stack, 'Wave', { waveName: 'wave-1', applications: ['web'] });
    const imp = new MgnImport(stack, 'Import', { csv: CSV, rowVms: ['web-01'] });

    // WHEN
    const server = new MgnSourceServer(stack, 'web-01', {
      vmName: 'web-01',
      replicationMethod: ReplicationMethod.AGENTLESS,
      applicationName: 'web',
      settings: SETTINGS,
      vmUuid: '4213a0c2-9d1e-4b7a-8c3d-2e1f0a9b8c71',
      vmPath: '/DC1/vm/web-01',
      hostname: 'web-01.corp.example.com',
      refresh: 'fixed',
      dependsOn: [wave, imp],
    });

    // THEN
    const template = Template.fromStack(stack);
    const resource = Object.values(template.findResources('Custom::MgnSourceServer'))[0];
    expect(resource.Properties).toEqual({
      ServiceToken: expect.anything(),
      DisplayName: 'web-01',
      VmName: 'web-01',
      ReplicationMethod: 'agentless',
      VmUuid: '4213a0c2-9d1e-4b7a-8c3d-2e1f0a9b8c71',
      VmPath: '/DC1/vm/web-01',
      Hostname: 'web-01.corp.example.com',
      ApplicationName: 'web',
      ReplicationConfiguration: { bandwidthThrottling: '200', dataPlaneRouting: 'PRIVATE_IP', associateDefaultSecurityGroup: 'false' },
      LaunchConfiguration: { launchDisposition: 'STARTED', copyPrivateIp: 'true', licensingOsByol: 'true' },
      LaunchTemplate: { InstanceType: 'm6i.large', SecurityGroupIds: ['sg-01'], Tenancy: 'host' },
      RemovalPolicy: 'retain',
      Refresh: 'fixed',
    });
    // retained by CloudFormation too, and after the wave and the import
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
    expect(resource.DependsOn).toHaveLength(2);
    expect(stack.resolve(server.sourceServerId)['Fn::GetAtt'][1]).toBe('SourceServerId');
    expect(stack.resolve(server.sourceServerStatus)['Fn::GetAtt'][1]).toBe('Status');
  });

  test('destroys when asked: the handler disconnects and archives the server', () => {
    const stack = newStack();
    new MgnSourceServer(stack, 'web-01', {
      vmName: 'web-01', replicationMethod: ReplicationMethod.AGENT, applicationName: 'web', settings: SETTINGS,
      removalPolicy: RemovalPolicy.DESTROY, refresh: 'r',
    });
    Template.fromStack(stack).hasResource('Custom::MgnSourceServer', {
      Properties: Match.objectLike({ RemovalPolicy: 'destroy', VmUuid: Match.absent(), VmPath: Match.absent(), Hostname: Match.absent() }),
      DeletionPolicy: 'Delete',
    });
  });

  test('takes a new refresh value at each synthesis by default', () => {
    const refresh = (): string => {
      const stack = newStack();
      new MgnSourceServer(stack, 'web-01', { vmName: 'web-01', replicationMethod: ReplicationMethod.AGENT, applicationName: 'web', settings: SETTINGS });
      return Object.values(Template.fromStack(stack).findResources('Custom::MgnSourceServer'))[0].Properties.Refresh;
    };
    expect(refresh()).not.toBe(refresh());
  });

  test('fails on a removal policy other than retain or destroy', () => {
    const stack = newStack();
    expect(() => new MgnSourceServer(stack, 'web-01', {
      vmName: 'web-01', replicationMethod: ReplicationMethod.AGENT, applicationName: 'web', settings: SETTINGS,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    })).toThrow(/removalPolicy snapshot is not available for source server web-01, use RemovalPolicy\.RETAIN or RemovalPolicy\.DESTROY/);
  });
});
