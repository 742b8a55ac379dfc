/**
 * One finding from the several parts a rule judges (MGN-PREP1's Python, DHCP client and sudo), as
 * MGN-RULES.md wants it: one finding per rule, at the highest severity that applies, its message listing
 * every issue. Not part of the public API.
 */
import { fail, pass, RuleResult, Severity, unknown } from '../../../assessment/rule';

const RANK: Readonly<Record<Severity, number>> = { [Severity.INFO]: 0, [Severity.WARNING]: 1, [Severity.ERROR]: 2 };

/**
 * Collects the failing and the undecided parts of one rule, then makes its result: a fail listing every
 * failing part (at the highest of their severities, and naming the parts it could not judge, which might
 * have raised it), else an unknown listing the undecided parts, else a pass.
 */
export class Checklist {
  private failures?: string[];
  private unknowns?: string[];
  private highest?: Severity;

  /** @param ruleSeverity the rule's own severity: a failure at it is reported without a lower band */
  constructor(private readonly ruleSeverity: Severity) {}

  /** A part that fails, at the rule's severity unless told. */
  public fail(message: string, severity: Severity = this.ruleSeverity): void {
    (this.failures ??= []).push(message);
    if (this.highest === undefined || RANK[severity] > RANK[this.highest]) {
      this.highest = severity;
    }
  }

  /** A part that cannot be judged: its fact is missing. */
  public unknown(message: string): void {
    (this.unknowns ??= []).push(message);
  }

  /** The rule's result. */
  public result(): RuleResult {
    if (this.failures !== undefined && this.highest !== undefined) {
      const also = this.unknowns !== undefined ? `; not judged: ${this.unknowns.join('; ')}` : '';
      const message = `${this.failures.join('; ')}${also}`;
      return this.highest === this.ruleSeverity ? fail(message) : fail(message, this.highest);
    }
    if (this.unknowns !== undefined) {
      return unknown(this.unknowns.join('; '));
    }
    return pass();
  }
}
