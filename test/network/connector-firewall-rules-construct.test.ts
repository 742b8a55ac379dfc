import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConnectorFirewallRules, firewallRulesFor, renderFirewallRulesCsv, renderFirewallRulesJson, SmsMigrationError } from '../../lib';
import { Connector, FirewallEndpoint, FirewallProtocol, Hypervisor } from '../../lib/plan/model/plan';
import { FILE_WRITER_ID_PREFIX } from '../../lib/network/firewall-rules-file';

const VMWARE: Connector = {
  name: 'dc1-connector',
  hypervisor: Hypervisor.VMWARE,
  vcenterPort: 8443,
  egress: [{ protocol: FirewallProtocol.UDP, port: 53, destination: FirewallEndpoint.DNS }],
};
const HYPERV: Connector = { name: 'hv-connector', hypervisor: Hypervisor.HYPERV };

let outdir: string;

beforeEach(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'connector-firewall-rules-'));
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(outdir, { recursive: true, force: true });
});

/**
 * An app that synthesizes into the test's own folder. Stacks that hold nothing but the firewall rules
 * have empty templates, which the built-in CloudFormation validation would warn about on every synth.
 */
const newApp = () => new App({ outdir, builtinCloudFormationValidation: false });

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf-8');

describe('ConnectorFirewallRules', () => {
  test('writes connector-firewall-rules.json and .csv into the assembly outdir at synth', () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, 'Stack');

    // WHEN
    const rules = new ConnectorFirewallRules(stack, 'Rules', { connectors: [HYPERV, VMWARE] });
    const assembly = app.synth();

    // THEN
    const rows = firewallRulesFor([VMWARE, HYPERV]);
    expect(assembly.directory).toBe(outdir);
    expect([rules.jsonFileName, rules.csvFileName]).toEqual(['connector-firewall-rules.json', 'connector-firewall-rules.csv']);
    expect(rules.rows).toEqual(rows);
    expect(read(outdir, 'connector-firewall-rules.json')).toBe(renderFirewallRulesJson(rows));
    expect(read(outdir, 'connector-firewall-rules.csv')).toBe(renderFirewallRulesCsv(rows));
    expect(JSON.parse(read(outdir, 'connector-firewall-rules.json'))).toHaveLength(16);
  });

  test('writes nothing before synth and defines no resource', () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, 'Stack');

    // WHEN
    new ConnectorFirewallRules(stack, 'Rules', { connectors: [VMWARE] });

    // THEN
    expect(fs.existsSync(path.join(outdir, 'connector-firewall-rules.json'))).toBe(false);
    expect(Template.fromStack(stack).toJSON().Resources).toBeUndefined();
  });

  test('uses fileName for both files', () => {
    // GIVEN
    const app = newApp();
    const stack = new Stack(app, 'Stack');

    // WHEN
    new ConnectorFirewallRules(stack, 'Rules', { connectors: [VMWARE], fileName: 'dc1-firewall' });
    app.synth();

    // THEN
    expect(fs.readdirSync(outdir).filter((f) => f.startsWith('dc1-firewall')).sort()).toEqual(['dc1-firewall.csv', 'dc1-firewall.json']);
    expect(fs.existsSync(path.join(outdir, 'connector-firewall-rules.json'))).toBe(false);
  });

  test('writes the files once when two stacks define them for the same connectors', () => {
    // GIVEN
    const app = newApp();
    const write = jest.spyOn(fs, 'writeFileSync');

    // WHEN
    new ConnectorFirewallRules(new Stack(app, 'Wave1'), 'Rules', { connectors: [VMWARE, HYPERV] });
    new ConnectorFirewallRules(new Stack(app, 'Wave2'), 'Rules', { connectors: [HYPERV, VMWARE] });
    app.synth();

    // THEN
    const ours = write.mock.calls.map(([file]) => path.basename(String(file))).filter((f) => f.startsWith('connector-firewall-rules.'));
    expect(ours.sort()).toEqual(['connector-firewall-rules.csv', 'connector-firewall-rules.json']);
    expect(app.node.children.filter((c) => c.node.id.startsWith(FILE_WRITER_ID_PREFIX))).toHaveLength(1);
    expect(read(outdir, 'connector-firewall-rules.json')).toBe(renderFirewallRulesJson(firewallRulesFor([VMWARE, HYPERV])));
  });

  test('writes files of different names side by side', () => {
    // GIVEN
    const app = newApp();

    // WHEN
    new ConnectorFirewallRules(new Stack(app, 'Dc1'), 'Rules', { connectors: [VMWARE], fileName: 'dc1' });
    new ConnectorFirewallRules(new Stack(app, 'Hv'), 'Rules', { connectors: [HYPERV], fileName: 'hv' });
    app.synth();

    // THEN
    expect(read(outdir, 'dc1.csv')).toBe(renderFirewallRulesCsv(firewallRulesFor([VMWARE])));
    expect(read(outdir, 'hv.csv')).toBe(renderFirewallRulesCsv(firewallRulesFor([HYPERV])));
  });

  test('writes into the assembly of the stage it is defined in', () => {
    // GIVEN
    const app = newApp();
    const stage = new Stage(app, 'Prod');

    // WHEN
    new ConnectorFirewallRules(new Stack(stage, 'Stack'), 'Rules', { connectors: [VMWARE] });
    app.synth();

    // THEN
    expect(read(stage.outdir, 'connector-firewall-rules.json')).toBe(renderFirewallRulesJson(firewallRulesFor([VMWARE])));
    expect(stage.outdir).not.toBe(outdir);
    expect(fs.existsSync(path.join(outdir, 'connector-firewall-rules.json'))).toBe(false);
  });

  test('fails when two stacks give other connectors under the same fileName', () => {
    // GIVEN
    const app = newApp();
    new ConnectorFirewallRules(new Stack(app, 'Wave1'), 'Rules', { connectors: [VMWARE] });

    // WHEN / THEN
    expect(() => new ConnectorFirewallRules(new Stack(app, 'Wave2'), 'Rules', { connectors: [HYPERV] }))
      .toThrow(/fileName connector-firewall-rules is already written by Wave1\/Rules with other connectors, give one of them another fileName/);
  });

  test('fails when a connector name appears twice', () => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack');

    // WHEN / THEN
    expect(() => new ConnectorFirewallRules(stack, 'Rules', { connectors: [VMWARE, { ...VMWARE, vcenterPort: 443 }] }))
      .toThrow(/connectors dc1-connector appear more than once/);
  });

  test.each([
    ['a folder', 'out/rules', /not a plain file name/],
    ['a parent folder', '../rules', /not a plain file name/],
    ['nothing', '', /not a plain file name/],
    ['an extension', 'rules.csv', /clash with the cloud assembly's own files or carries an extension/],
    ['the assembly manifest', 'manifest', /clash with the cloud assembly's own files/],
    ['a stack template', 'Stack.template', /clash with the cloud assembly's own files/],
  ])('fails when fileName is %s', (_what, fileName, message) => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack');

    // WHEN / THEN
    expect(() => new ConnectorFirewallRules(stack, 'Rules', { connectors: [VMWARE], fileName })).toThrow(message);
  });

  test('fails with every problem at once, as a library error on the construct', () => {
    // GIVEN
    const stack = new Stack(newApp(), 'Stack');

    // WHEN
    let error: unknown;
    try {
      new ConnectorFirewallRules(stack, 'Rules', { connectors: [HYPERV, HYPERV], fileName: 'tree' });
    } catch (e) {
      error = e;
    }

    // THEN
    expect(SmsMigrationError.isSmsMigrationError(error)).toBe(true);
    const smsError = error as SmsMigrationError;
    expect(smsError.constructPath).toBe('Stack/Rules');
    expect(smsError.details.map((d) => d.errorId)).toEqual(['cdk-sms-migration:InvalidFileName', 'cdk-sms-migration:DuplicateConnector']);
  });
});
