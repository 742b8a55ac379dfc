import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { firewallRulesFor, FirewallRuleRow, renderFirewallRulesCsv, renderFirewallRulesJson } from './connector-firewall-rules';
import { ErrorCollector } from '../errors';
import { Connector } from '../plan/model/plan';
import { FirewallRulesFile } from './firewall-rules-file';

/** The file name when none is given. */
const DEFAULT_FILE_NAME = 'connector-firewall-rules';
/** A plain file name: no folder, no leading dot. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Names the cloud assembly uses itself: `manifest.json`, `tree.json`, `<stack>.template.json`, `<stack>.assets.json`. */
const RESERVED_FILE_NAME = /^(manifest|tree)$|\.(template|assets|metadata)$|\.(json|csv)$/i;

/**
 * Properties of `ConnectorFirewallRules`.
 */
export interface ConnectorFirewallRulesProps {
  /**
   * The SMS connectors whose firewall rules are written, as the migration plan gives them
   * (`plan.connectors`). Their names must be unique.
   */
  readonly connectors: Connector[];

  /**
   * The name of the files written into the cloud assembly, without extension: `<fileName>.json`
   * and `<fileName>.csv`. Letters, digits, `.`, `_` and `-`, starting with a letter or a digit.
   *
   * Two `ConnectorFirewallRules` of one app (or stage) with the same file name must list the same
   * connectors: the files are then written once.
   *
   * @default 'connector-firewall-rules'
   */
  readonly fileName?: string;
}

/**
 * Writes the firewall rules of SMS connectors, for the network team that opens them, into the cloud
 * assembly (`cdk.out` by default) at synth: `connector-firewall-rules.json` and
 * `connector-firewall-rules.csv`.
 *
 * One row per connector per rule, from the list rule SMS-CON6 checks, with whether the plan's
 * declared rules already allow it (`firewallRulesFor()`). Nothing is deployed: the connector runs
 * on premises, where CloudFormation has no say.
 *
 * Several stacks may define it for the same connectors, as each wave's stack might: the files are
 * written once per synthesis.
 *
 * @example
 * new ConnectorFirewallRules(this, 'ConnectorFirewallRules', { connectors: plan.connectors ?? [] });
 */
export class ConnectorFirewallRules extends Construct {
  /** The rows written, in file order. */
  public readonly rows: FirewallRuleRow[];

  /** The name of the JSON file in the cloud assembly, such as `connector-firewall-rules.json`. */
  public readonly jsonFileName: string;

  /** The name of the CSV file in the cloud assembly, such as `connector-firewall-rules.csv`. */
  public readonly csvFileName: string;

  constructor(scope: Construct, id: string, props: ConnectorFirewallRulesProps) {
    super(scope, id);

    const fileName = props.fileName ?? DEFAULT_FILE_NAME;
    const errors = new ErrorCollector(this);
    validateFileName(fileName, errors);
    validateConnectors(props.connectors, errors);
    errors.throwIfAny();

    this.rows = firewallRulesFor(props.connectors);
    this.jsonFileName = `${fileName}.json`;
    this.csvFileName = `${fileName}.csv`;
    FirewallRulesFile.of(this, {
      fileName,
      json: renderFirewallRulesJson(this.rows),
      csv: renderFirewallRulesCsv(this.rows),
    });
  }
}

export function validateFileName(fileName: string, errors: ErrorCollector): void {
  if (Token.isUnresolved(fileName)) {
    // The name is needed at synth, to write the files.
    errors.add('cdk-sms-migration:InvalidFileName', 'fileName is a token, give a plain file name such as connector-firewall-rules');
  } else if (!FILE_NAME.test(fileName)) {
    errors.add('cdk-sms-migration:InvalidFileName', `fileName '${fileName}' is not a plain file name, `
      + 'use letters, digits, ".", "_" and "-", starting with a letter or a digit');
  } else if (RESERVED_FILE_NAME.test(fileName)) {
    errors.add('cdk-sms-migration:InvalidFileName', `fileName '${fileName}' would clash with the cloud assembly's own files `
      + 'or carries an extension, give a name without extension such as connector-firewall-rules');
  }
}

function validateConnectors(connectors: Connector[], errors: ErrorCollector): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const connector of connectors) {
    if (Token.isUnresolved(connector.name) || (connector.vcenterPort !== undefined && Token.isUnresolved(connector.vcenterPort))) {
      errors.add('cdk-sms-migration:UnresolvedConnector',
        `connector ${connector.name} has a token for its name or vcenterPort, give plain values: they are written into files at synth`);
    }
    if (seen.has(connector.name)) {
      duplicates.add(connector.name);
    }
    seen.add(connector.name);
  }
  if (duplicates.size > 0) {
    errors.add('cdk-sms-migration:DuplicateConnector',
      `connectors ${[...duplicates].join(', ')} appear more than once, give each connector once (names are unique in a plan)`);
  }
}
