import { connectorMemory } from '../../../lib/rules/sms/sms-con3-connector-memory';
import { Outcome } from '../../../lib/assessment/rule';
import { connectorContext } from '../../helpers/context';

describe('SMS-CON3 connector memory', () => {
  test.each(['vmware', 'hyperv'])('passes exactly 8 GiB on %s', (hypervisor) => {
    // GIVEN a connector with the minimum memory
    // WHEN / THEN
    expect(connectorMemory(connectorContext({ hypervisor, memoryGiB: 8 })).outcome).toBe(Outcome.PASS);
  });

  test('passes more than 8 GiB', () => {
    expect(connectorMemory(connectorContext({ memoryGiB: 16 })).outcome).toBe(Outcome.PASS);
  });

  test.each(['vmware', 'hyperv'])('fails just under 8 GiB on %s, naming the size and the minimum', (hypervisor) => {
    const result = connectorMemory(connectorContext({ hypervisor, memoryGiB: 7.999 }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('connector memory 7.999 GiB is below the 8 GiB minimum');
  });

  test('is unknown when memory is not recorded, naming memoryGiB', () => {
    const result = connectorMemory(connectorContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe("the connector's memory is not recorded (memoryGiB): at least 8 GiB is needed");
  });
});
