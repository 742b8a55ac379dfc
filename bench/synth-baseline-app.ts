// The floor of the synth benchmark of `npm run bench`: the plan file's VMs as bare custom resources
// of the same type and with similar properties, a literal service token and no provider, no
// assessment, in as many stacks as the `Migration` makes for the wave (not counting its provider
// stack, which is the Migration's own cost). CDK's template validation runs as the environment says,
// as in the Migration's process: `new App()` reads CDK_VALIDATION. Run by bench/run.js.
// With a fourth argument `provider`, the app also holds the Migration's shared replication job provider
// in a stack of its own, and nothing else of the library: a bound, the provider's cost alone.
//   node bench/synth-baseline-app.js PLAN OUTDIR STACKS [provider]
import * as fs from 'fs';
import { App, CustomResource, Stack } from 'aws-cdk-lib';
import { RESOURCE_TYPE } from '../lib/sms/handler/api';

interface PlanVm {
  readonly name: string;
  readonly wave?: string;
  readonly source?: { readonly vmPath?: string; readonly vmId?: string };
  readonly replication?: { readonly amisToKeep?: number };
}

/** A literal service token: no provider, no Lambda function, no asset. */
const SERVICE_TOKEN = 'arn:aws:lambda:us-east-1:111111111111:function:sms-replication-job-provider';

const [planFile, outdir, stackCount, withProvider] = process.argv.slice(2);
const vms: PlanVm[] = JSON.parse(fs.readFileSync(planFile, 'utf8')).vms;
const app = new App({ outdir });
const stacks = Array.from({ length: Number(stackCount) }, (_, i) => new Stack(app, `Baseline${i + 1}`));
vms.forEach((vm, i) => {
  new CustomResource(stacks[i % stacks.length], vm.name, {
    resourceType: RESOURCE_TYPE,
    serviceToken: SERVICE_TOKEN,
    properties: {
      ...(vm.source?.vmPath !== undefined ? { VmPath: vm.source.vmPath } : { VmId: vm.source?.vmId }),
      DisplayName: vm.name,
      RunOnce: 'false',
      FrequencyHours: '12',
      ...(vm.replication?.amisToKeep !== undefined ? { NumberOfRecentAmisToKeep: String(vm.replication.amisToKeep) } : {}),
      Encrypted: 'false',
      Description: `${vm.name} (${vm.wave})`,
      RemovalPolicy: 'destroy',
    },
  });
});
if (withProvider === 'provider') {
  // Loaded only here, so that the floor itself loads nothing of the library but the resource type's name.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ReplicationJobProvider } = require('../lib/sms/replication-job-provider') as typeof import('../lib/sms/replication-job-provider');
  ReplicationJobProvider.shared(new Stack(app, 'Provider'), 'cdk-sms-migration-bench-provider');
}
const assembly = app.synth();
process.stdout.write(`${assembly.stacks.length} stacks\n`);
