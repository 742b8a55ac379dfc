import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EC2Client, DescribeLaunchTemplateVersionsCommand } from '@aws-sdk/client-ec2';
import {
  DescribeSourceServersCommand, GetLaunchConfigurationCommand, ImportTask, ListImportErrorsCommand, ListImportsCommand, MgnClient,
  StartImportCommand,
} from '@aws-sdk/client-mgn';
import { MgnEmulator } from '../support/mgn-emulator';
import { caught, ec2Client, mgnClient, start, statusOf } from './helpers';

/** StartImport / ListImports / ListImportErrors against CSV files in a folder standing in for S3. */

let emu: MgnEmulator;
let mgn: MgnClient;
let ec2: EC2Client;
let s3Root: string;

beforeEach(async () => {
  s3Root = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'mgn-s3-'));
  emu = await start({ seed: 9, initialized: true, s3Root });
  mgn = mgnClient();
  ec2 = ec2Client();
});
afterEach(async () => {
  expect(emu.diagnostics).toEqual([]);
  await emu.close();
  fs.rmSync(s3Root, { recursive: true, force: true });
});

function putObject(bucket: string, key: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(s3Root, bucket, key)), { recursive: true });
  fs.writeFileSync(path.join(s3Root, bucket, key), text);
}

async function poll(importID: string): Promise<ImportTask[]> {
  const seen: ImportTask[] = [];
  for (let i = 0; i < 10; i++) {
    const task = (await mgn.send(new ListImportsCommand({ filters: { importIDs: [importID] } }))).items![0];
    seen.push(task);
    if (task.status === 'SUCCEEDED' || task.status === 'FAILED') {
      break;
    }
  }
  return seen;
}

const HEADER = 'mgn:server:user-provided-id,mgn:server:platform,mgn:server:fqdn-for-action-framework,mgn:server:tag:cdk-sms-migration:vm,'
  + 'mgn:launch:instance-type,mgn:launch:nic:0:subnet-id,mgn:launch:nic:0:security-group-id:0,mgn:launch:placement:tenancy,mgn:wave:name,mgn:app:name';

test('an import creates PENDING_INSTALLATION servers, updates existing ones, and sets launch settings', async () => {
  // GIVEN
  const existing = emu.seedServer({ state: 'NOT_READY', userProvidedID: 'db-01' });
  putObject('bucket', 'plans/import.csv', [HEADER,
    'web-01,Linux,web-01.corp.example.com,web-01,m6i.large,subnet-0a1b2c3d4e5f60718,sg-0a1b2c3d4e5f60718,default,wave-1,payments',
    'db-01,Windows,,db-01,,,,,,',
  ].join('\n'));
  // WHEN
  const started = await mgn.send(new StartImportCommand({ s3BucketSource: { s3Bucket: 'bucket', s3Key: 'plans/import.csv' } }));
  const states = await poll(started.importTask!.importID!);
  // THEN
  expect(statusOf(started as never)).toBe(202);
  expect(started.importTask).toMatchObject({ status: 'PENDING', importID: expect.stringMatching(/^import-[0-9a-zA-Z]{17}$/) });
  expect(states.map((t) => t.status)).toEqual(['STARTED', 'SUCCEEDED']);
  expect(states[1].summary).toEqual({ servers: { createdCount: 1, modifiedCount: 1 }, applications: { createdCount: 1, modifiedCount: 0 },
    waves: { createdCount: 1, modifiedCount: 0 } });
  const servers = (await mgn.send(new DescribeSourceServersCommand({}))).items!;
  const web = servers.find((s) => s.userProvidedID === 'web-01')!;
  expect(web).toMatchObject({ lifeCycle: { state: 'PENDING_INSTALLATION' }, replicationType: 'AGENT_BASED',
    fqdnForActionFramework: 'web-01.corp.example.com', tags: { 'cdk-sms-migration:vm': 'web-01' } });
  expect(servers.find((s) => s.sourceServerID === existing.sourceServerID)?.tags).toEqual({ 'cdk-sms-migration:vm': 'db-01' });
  const lt = (await mgn.send(new GetLaunchConfigurationCommand({ sourceServerID: web.sourceServerID! }))).ec2LaunchTemplateID!;
  const def = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt, Versions: ['$Default'] }));
  expect(def.LaunchTemplateVersions![0].LaunchTemplateData).toMatchObject({ InstanceType: 'm6i.large',
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: 'subnet-0a1b2c3d4e5f60718', Groups: ['sg-0a1b2c3d4e5f60718'] }] });
  const app = emu.applications().find((a) => a.name === 'payments')!;
  expect(emu.memberships.serverToApplication[web.sourceServerID!]).toBe(app.applicationID);
});

test('row problems are VALIDATION_ERRORs with rowNumber 1 = the first data row', async () => {
  putObject('b', 'k.csv', [HEADER,
    'ok-01,Linux,,ok-01,,,,,,',
    'bad-01,Solaris,,bad-01,,,,,,',
    'ok-01,Windows,,ok-01,,,,,,',
  ].join('\n'));
  const started = await mgn.send(new StartImportCommand({ s3BucketSource: { s3Bucket: 'b', s3Key: 'k.csv' } }));
  const states = await poll(started.importTask!.importID!);
  expect(states[states.length - 1].status).toBe('SUCCEEDED');
  const errors = await mgn.send(new ListImportErrorsCommand({ importID: started.importTask!.importID! }));
  expect(errors.items?.map((e) => [e.errorType, e.errorData?.rowNumber])).toEqual([['VALIDATION_ERROR', 2], ['VALIDATION_ERROR', 3]]);
  expect(errors.items![0].errorData?.rawError).toMatch(/platform Solaris/);
});

test('a missing S3 object fails the import with an error', async () => {
  const started = await mgn.send(new StartImportCommand({ s3BucketSource: { s3Bucket: 'b', s3Key: 'missing.csv' } }));
  const states = await poll(started.importTask!.importID!);
  expect(states[states.length - 1]).toMatchObject({ status: 'FAILED', endDateTime: expect.stringMatching(/Z$/) });
  const errors = await mgn.send(new ListImportErrorsCommand({ importID: started.importTask!.importID! }));
  expect(errors.items).toEqual([expect.objectContaining({ errorType: 'PROCESSING_ERROR', errorData: { rawError: expect.stringMatching(/NoSuchKey/) } })]);
});

test('the same clientToken answers the same task; another import while one runs is a conflict', async () => {
  putObject('b', 'k.csv', `${HEADER}\n`);
  const a = await mgn.send(new StartImportCommand({ clientToken: 'abc', s3BucketSource: { s3Bucket: 'b', s3Key: 'k.csv' } }));
  const b = await mgn.send(new StartImportCommand({ clientToken: 'abc', s3BucketSource: { s3Bucket: 'b', s3Key: 'k.csv' } }));
  expect(b.importTask!.importID).toBe(a.importTask!.importID);
  const e = await caught(() => mgn.send(new StartImportCommand({ clientToken: 'other', s3BucketSource: { s3Bucket: 'b', s3Key: 'k.csv' } })));
  expect([e.name, statusOf(e)]).toEqual(['ConflictException', 409]);
  await poll(a.importTask!.importID!);
  await expect(mgn.send(new StartImportCommand({ clientToken: 'other', s3BucketSource: { s3Bucket: 'b', s3Key: 'k.csv' } })))
    .resolves.toMatchObject({ importTask: { status: 'PENDING' } });
  expect(emu.imports()).toHaveLength(2);
});

test('importSteps sets how many ListImports calls each step takes', async () => {
  await emu.close();
  emu = await start({ initialized: true, s3Root, importSteps: 2 });
  mgn = mgnClient();
  putObject('b', 'k.csv', `${HEADER}\n`);
  const a = await mgn.send(new StartImportCommand({ s3BucketSource: { s3Bucket: 'b', s3Key: 'k.csv' } }));
  expect((await poll(a.importTask!.importID!)).map((t) => t.status)).toEqual(['PENDING', 'STARTED', 'STARTED', 'SUCCEEDED']);
});

test('fails when the key does not end in .csv', async () => {
  const e = await caught(() => mgn.send(new StartImportCommand({ s3BucketSource: { s3Bucket: 'b', s3Key: 'k.txt' } })));
  expect(e.fieldList).toEqual([{ name: 's3BucketSource.s3Key', message: expect.stringContaining('pattern') }]);
});
