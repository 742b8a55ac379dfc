import { loadPlanFile, parsePlan, PlanFormat, TextPosition } from '../plan';
import { Plan } from '../plan/model/plan';
import { knownRuleIds } from '../rules/packs';

/**
 * A migration plan for a `Migration`: read from a plan file, or built in code.
 *
 * Either way the plan is checked against the plan file's JSON Schema before it is used, so a plan
 * built in code gets the same errors (field path and what was expected) as a file.
 *
 * @example
 * MigrationPlan.fromFile('migration/plan.json');
 */
export class MigrationPlan {
  /**
   * Reads a plan file (JSON, or YAML with the same structure).
   *
   * Throws a `PlanFileError` listing every problem in the file, with the line and column of each.
   */
  public static fromFile(file: string): MigrationPlan {
    const loaded = loadPlanFile(file, { ruleIds: knownRuleIds() });
    return new MigrationPlan(loaded.plan, loaded.file, (at) => loaded.locate(at));
  }

  /**
   * Uses a plan built in code.
   *
   * @param plan the plan, in the plan file's structure
   * @param name how error messages name the plan; defaults to `plan in code`
   */
  public static fromPlan(plan: Plan, name: string = 'plan in code'): MigrationPlan {
    const loaded = parsePlan(JSON.stringify(plan), name, { ruleIds: knownRuleIds(), format: PlanFormat.JSON });
    return new MigrationPlan(loaded.plan, name);
  }

  /** The plan, as validated. */
  public readonly plan: Plan;

  /** Where the plan came from: the file's path, or the name given to a plan built in code. */
  public readonly source: string;

  /**
   * Where a part of the plan is in its file, for reports that point into it (SARIF).
   *
   * @internal
   */
  public readonly _locate?: (path: readonly (string | number)[]) => TextPosition | undefined;

  private constructor(plan: Plan, source: string, locate?: (path: readonly (string | number)[]) => TextPosition | undefined) {
    this.plan = plan;
    this.source = source;
    this._locate = locate;
  }
}
