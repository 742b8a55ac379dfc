import { IConstruct } from 'constructs';
import { ErrorCollector } from '../errors';
import { Plan, Vm } from '../plan/model/plan';
import { DEFAULT_JOBS_PER_STACK, deployedWaves } from '../migration/waves';

/**
 * Which waves a pipeline deploys, in which order, and the names of their stages.
 */

/** One wave a pipeline deploys. */
export interface PipelineWave {
  /** The wave's name, as the plan writes it (`all` for a plan in which no VM names a wave). */
  readonly name: string;
  /** The name of its pipeline stage (and of the CDK `Stage`): the wave's name, made a valid stage name. */
  readonly stageName: string;
  /** Its VMs, in plan order. */
  readonly vms: readonly Vm[];
}

/** The stage names the pipeline's own stages take, which no wave's stage may take. */
export const ASSESSMENT_STAGE = 'Assess';
export const SHARED_STAGE = 'Shared';

/** The stages CDK Pipelines defines itself: the source, the synthesis, self-mutation and asset publishing. */
const CDK_PIPELINES_STAGES = ['Source', 'Build', 'UpdatePipeline', 'Assets'];

/** The longest name of a CodePipeline stage. */
const MAX_STAGE_NAME = 100;

/**
 * The waves a pipeline deploys, in the order it deploys them: those the plan lists in `waves[]`, in
 * that order, then the others in the order the plan's VMs first name them. Only waves with VMs are
 * deployed (a plan in which no VM names a wave is one wave, `all`); unscheduled VMs are in none.
 *
 * @param selected the waves to deploy (a `Migration`'s `waves`), all when undefined
 * @throws SmsMigrationError when `selected` names a wave no VM is in, or when two waves (or a wave and
 *   one of the pipeline's own stages) make the same stage name
 */
export function pipelineWaves(plan: Plan, selected: readonly string[] | undefined, planSource: string, scope: IConstruct): PipelineWave[] {
  const byWave = deployedWaves(plan, { waves: selected, planSource, stackNamePrefix: '', jobsPerStack: DEFAULT_JOBS_PER_STACK }, scope);
  const listed = (plan.waves ?? []).map((wave) => wave.name);
  const rank = (wave: string): number => (listed.includes(wave) ? listed.indexOf(wave) : listed.length);
  // Array.prototype.sort is stable: the waves the plan does not list keep their order of appearance.
  const ordered = [...byWave.keys()].sort((a, b) => rank(a) - rank(b));

  const errors = new ErrorCollector(scope);
  const taken = new Map<string, string>([...CDK_PIPELINES_STAGES, ASSESSMENT_STAGE, SHARED_STAGE]
    .map((stage) => [stage.toLowerCase(), `the pipeline's ${stage} stage`]));
  const waves = ordered.map((name) => {
    const stageName = stageNameOf(name);
    const clash = taken.get(stageName.toLowerCase());
    if (clash !== undefined) {
      errors.add('cdk-sms-migration:StageNameClash', `wave "${name}" makes the pipeline stage name ${stageName}, which ${clash} has `
        + '(stage names keep letters, digits, hyphens, underscores and dots, and differ in more than case), rename the wave');
    }
    taken.set(stageName.toLowerCase(), `wave "${name}"`);
    return { name, stageName, vms: byWave.get(name)! };
  });
  errors.throwIfAny();
  return waves;
}

/**
 * A wave's stage name: a CDK Stage id (a letter, then letters, digits, `-`, `_`, `.`) that is also a
 * CodePipeline stage name (at most 100 characters). `wave-1` stays `wave-1`; `1st wave` becomes `wave-1st-wave`.
 */
export function stageNameOf(wave: string): string {
  const cleaned = wave.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const named = /^[A-Za-z]/.test(cleaned) ? cleaned : `wave-${cleaned}`.replace(/-$/, '');
  return named.slice(0, MAX_STAGE_NAME);
}
