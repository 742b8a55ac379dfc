import { Construct } from 'constructs';
import { ErrorCollector } from '../errors';
import { Plan } from '../plan/model/plan';
import { validateFileName } from './connector-firewall-rules-construct';
import { FirewallRulesFile } from './firewall-rules-file';
import { MgnFirewallRuleRow, mgnFirewallRulesFor, renderMgnFirewallRulesCsv, renderMgnFirewallRulesJson } from './mgn-firewall-rules';

/** Properties of `MgnFirewallRules`. */
export interface MgnFirewallRulesProps {
  /** The plan whose sources, staging subnet and vCenter Clients need the rules. */
  readonly plan: Plan;

  /**
   * The name of the files written into the cloud assembly, without extension: `<fileName>.json` and
   * `<fileName>.csv`. Letters, digits, `.`, `_` and `-`, starting with a letter or a digit.
   *
   * @default 'mgn-firewall-rules'
   */
  readonly fileName?: string;
}

/**
 * Writes the firewall rules MGN needs, for the network team that opens them, into the cloud assembly
 * at synth: the source servers' egress (MGN-CON1), the staging subnet's (MGN-CON2) and each vCenter
 * Client's (MGN-CON3), one row per rule, with whether the plan's declared lists already allow it.
 * Nothing is deployed.
 *
 * @example
 * new MgnFirewallRules(this, 'MgnFirewallRules', { plan });
 */
export class MgnFirewallRules extends Construct {
  /** The rows written, in file order. */
  public readonly rows: MgnFirewallRuleRow[];

  /** The name of the JSON file in the cloud assembly. */
  public readonly jsonFileName: string;

  /** The name of the CSV file in the cloud assembly. */
  public readonly csvFileName: string;

  constructor(scope: Construct, id: string, props: MgnFirewallRulesProps) {
    super(scope, id);
    const fileName = props.fileName ?? 'mgn-firewall-rules';
    const errors = new ErrorCollector(this);
    validateFileName(fileName, errors);
    errors.throwIfAny();
    this.rows = mgnFirewallRulesFor(props.plan);
    this.jsonFileName = `${fileName}.json`;
    this.csvFileName = `${fileName}.csv`;
    FirewallRulesFile.of(this, { fileName, json: renderMgnFirewallRulesJson(this.rows), csv: renderMgnFirewallRulesCsv(this.rows) });
  }
}
