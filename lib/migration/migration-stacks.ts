/**
 * Which of its stacks a `Migration` defines.
 *
 * A migration's wave stacks share one stack: the SMS provider stack (`<prefix>-provider`) or the MGN
 * account stack (`<prefix>-mgn`). A pipeline that deploys each wave in a stage of its own must deploy
 * that shared stack once, in a stage before the waves: a CloudFormation stack defined in two stages is
 * deployed by both, each with its own template (CDK Pipelines does not refuse it), and the stages
 * would keep updating it in turn. `MigrationPipeline` defines a `Migration` with `SHARED` in its first
 * stage and one with `WAVES` in the stage of each wave.
 */
export enum MigrationStacks {
  /** The shared stack and the stacks of the selected waves, each wave stack depending on the shared one. */
  ALL = 'all',

  /**
   * The shared stack alone: the SMS provider stack, granted to pass the `role` of the jobs to SMS, or
   * the MGN account stack with the agent install commands of the selected waves. The selected waves'
   * VMs are assessed as deployed: their errors fail synthesis.
   */
  SHARED = 'shared',

  /**
   * The stacks of the selected waves alone. Their resources call the shared stack's provider by its
   * function's name (`<prefix>-provider-onEvent`, `<prefix>-mgn-onEvent`), as they do with `ALL`, but
   * depend on no stack: the shared stack must be deployed before them, with the same
   * `stackNamePrefix`, in the same account and Region.
   */
  WAVES = 'waves',
}
