import { formatGiB } from '../../plan/model/disks';
import { ConnectorContext, fail, pass, RuleResult, unknown } from '../../assessment/rule';

/** The least memory the connector appliance runs with, on either hypervisor. */
const MIN_MEMORY_GIB = 8;

/** The connector VM has at least 8 GiB of memory (VMware and Hyper-V alike). */
export function connectorMemory({ connector }: ConnectorContext): RuleResult {
  const memory = connector.memoryGiB;
  if (memory == null) {
    return unknown(`the connector's memory is not recorded (memoryGiB): at least ${formatGiB(MIN_MEMORY_GIB)} is needed`);
  }
  if (memory < MIN_MEMORY_GIB) {
    return fail(`connector memory ${formatGiB(memory)} is below the ${formatGiB(MIN_MEMORY_GIB)} minimum`);
  }
  return pass();
}
