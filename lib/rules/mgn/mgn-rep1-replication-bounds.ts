import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { Disk } from '../../plan/model/plan';
import type { MgnVmContext } from './context';
import { MgnReplicationLimits, mgnReplicationField } from './facts/replication-fields';
import { thousands } from '../../private/thousands';

const { MAX_BANDWIDTH_THROTTLING_MBPS: MAX_MBPS } = MgnReplicationLimits;

/** A disk as messages name it: its index, and its name when it has one. */
function diskLabel(disk: Disk, index: number): string {
  return disk.name ? `disks[${index}] (${disk.name})` : `disks[${index}]`;
}

/**
 * The VM's replication settings are within the bounds MGN's API accepts: the bandwidth limit is a
 * whole number of Mbps from 0 (unthrottled) to 10,000, and every disk that sets `mgn.stagingDiskType`
 * has the `deviceName` MGN addresses it by. Every offending setting is listed. The value sets of the
 * settings are the schema's to check. Settings always have effective values (the library's default
 * bandwidth is 0) and a VM without disks sets no staging type, so the rule is never unknown.
 */
export function replicationBounds(ctx: VmContext): RuleResult {
  const { vm, mgn, plan } = ctx as MgnVmContext;
  const problems: string[] = [];
  const mbps: unknown = mgn.replication.bandwidthThrottlingMbps;
  if (typeof mbps !== 'number' || !Number.isInteger(mbps) || mbps < 0 || mbps > MAX_MBPS) {
    problems.push(`${mgnReplicationField(vm, plan, 'bandwidthThrottlingMbps')} ${String(mbps)} is not a whole number of Mbps `
      + `from 0 to ${thousands(MAX_MBPS)} (0 is unthrottled)`);
  }
  const unnamed: string[] = [];
  (vm.disks ?? []).forEach((disk, index) => {
    if (disk.mgn?.stagingDiskType !== undefined && !(typeof disk.deviceName === 'string' && disk.deviceName.trim() !== '')) {
      unnamed.push(diskLabel(disk, index));
    }
  });
  if (unnamed.length > 0) {
    problems.push(`${unnamed.join(', ')} set${unnamed.length === 1 ? 's' : ''} mgn.stagingDiskType but no deviceName: `
      + 'MGN sets a staging disk type by the device name (such as /dev/sda or c:0)');
  }
  return problems.length > 0 ? fail(problems.join('; ')) : pass();
}
