import {
  CreateReplicationJobCommand, GetReplicationJobsCommand, GetServersCommand, GetServersCommandOutput, ReplicationJobAlreadyExistsException,
  paginateGetServers,
} from '@aws-sdk/client-sms';
import { Props } from '../../../lib/sms/handler/api';
import { onEvent } from '../../../lib/sms/handler';
import { Invocation } from '../../../lib/sms/handler/invocation';
import { readAllPages } from '../../../lib/sms/handler/listing';
import { job, resourceEvent, sentence, server, setUpSmsMock, smsError, vmProps } from './helpers';

const { sms } = setUpSmsMock();

function invocation(): Invocation {
  return new Invocation(resourceEvent('Create', vmProps()), undefined, 'web-01');
}

/** GetServers answering from `pages`, keyed by the nextToken asked for ('' for the first page). */
function serversPages(pages: Record<string, Partial<GetServersCommandOutput>>): void {
  sms.on(GetServersCommand).callsFake((input: { nextToken?: string }) => {
    const page = pages[input.nextToken ?? ''];
    if (page === undefined) {
      throw new Error(`the test has no page for token ${input.nextToken}`);
    }
    return page;
  });
}

function tokensAskedFor(): Array<string | undefined> {
  return sms.commandCalls(GetServersCommand).map((c) => c.args[0].input.nextToken);
}

describe('listing every page with the SDK paginator', () => {
  test('reads every page, in order, following nextToken', async () => {
    // GIVEN
    serversPages({
      '': { serverCatalogStatus: 'AVAILABLE', serverList: [server('s-00000001', 'web-01')], nextToken: 't1' },
      't1': { serverList: [server('s-00000002', 'web-02')], nextToken: 't2' },
      't2': { serverList: [server('s-00000003', 'web-03')] },
    });

    // WHEN
    const pages = await readAllPages(invocation(), 'GetServers', paginateGetServers, {});

    // THEN
    expect(pages.map((p) => p.serverList?.map((s) => s.serverId))).toEqual([['s-00000001'], ['s-00000002'], ['s-00000003']]);
    expect(tokensAskedFor()).toEqual([undefined, 't1', 't2']);
    // No page size is asked for: SMS's default applies.
    expect(sms.commandCalls(GetServersCommand).map((c) => c.args[0].input.maxResults)).toEqual([undefined, undefined, undefined]);
  });

  test('leaves the caller\'s input as it was', async () => {
    // GIVEN
    serversPages({ '': { serverList: [], nextToken: 't1' }, 't1': { serverList: [] } });
    const input = {};

    // WHEN
    await readAllPages(invocation(), 'GetServers', paginateGetServers, input);

    // THEN
    expect(Object.keys(input)).toEqual([]);
  });

  test('ends the listing at an empty-string nextToken', async () => {
    // GIVEN
    serversPages({ '': { serverList: [server('s-00000001', 'web-01')], nextToken: '' } });

    // WHEN
    const pages = await readAllPages(invocation(), 'GetServers', paginateGetServers, {});

    // THEN
    expect(pages).toHaveLength(1);
    expect(tokensAskedFor()).toEqual([undefined]);
  });

  test('retries a throttled page with the same token, as a command of its own, and counts the retry', async () => {
    // GIVEN: the second page is throttled once
    let throttled = false;
    sms.on(GetServersCommand).callsFake((input: { nextToken?: string }) => {
      if (input.nextToken === undefined) {
        return { serverList: [server('s-00000001', 'web-01')], nextToken: 't1' };
      }
      if (!throttled) {
        throttled = true;
        throw smsError('ThrottlingException', 400, 'Rate exceeded');
      }
      return { serverList: [server('s-00000002', 'web-02')] };
    });
    const inv = invocation();

    // WHEN
    const pages = await readAllPages(inv, 'GetServers', paginateGetServers, {});

    // THEN
    expect(pages.flatMap((p) => p.serverList ?? []).map((s) => s.serverId)).toEqual(['s-00000001', 's-00000002']);
    expect(tokensAskedFor()).toEqual([undefined, 't1', 't1']);
    const commands = sms.commandCalls(GetServersCommand).map((c) => c.args[0]);
    expect(new Set(commands).size).toBe(3);
    expect(inv.retries).toBe(1);
  });

  test('fails when a throttled page is still throttled at the deadline', async () => {
    // GIVEN
    process.env.CDK_SMS_RETRY_BUDGET_MS = '30';
    sms.on(GetServersCommand)
      .resolvesOnce({ serverList: [], nextToken: 't1' })
      .rejects(smsError('ThrottlingException', 400, 'Rate exceeded'));

    // WHEN / THEN
    await expect(readAllPages(invocation(), 'GetServers', paginateGetServers, {})).rejects.toThrow(
      sentence('SMS is unavailable: GetServers for VM "web-01" was throttled or failed <n> times over <n> s; deploy again later'));
  });

  test('fails when a page token comes back twice, even after another token, without asking for more pages', async () => {
    // GIVEN: t1, t2, then t1 again
    serversPages({
      '': { serverList: [], nextToken: 't1' },
      't1': { serverList: [], nextToken: 't2' },
      't2': { serverList: [], nextToken: 't1' },
    });

    // WHEN / THEN
    await expect(readAllPages(invocation(), 'GetServers', paginateGetServers, {})).rejects.toThrow(
      /^SMS returned the page token "t1" twice while listing; deploy again later$/);
    expect(tokensAskedFor()).toEqual([undefined, 't1', 't2']);
  });

  test('fails a Create when the job listing repeats a page token', async () => {
    // GIVEN: the server is taken, and GetReplicationJobs pages in a circle
    sms.on(CreateReplicationJobCommand).rejects(new ReplicationJobAlreadyExistsException({ message: 'taken', $metadata: {} }));
    sms.on(GetReplicationJobsCommand).callsFake((input: { nextToken?: string }) => ({
      replicationJobList: [job(`sms-job-0000000${input.nextToken === undefined ? 1 : 2}`, 's-00000009', 'ACTIVE', 'other')],
      nextToken: input.nextToken === 'p2' ? 'p1' : 'p2',
    }));

    // WHEN / THEN
    await expect(onEvent(resourceEvent('Create', vmProps({ [Props.SERVER_ID]: 's-0000000a' })))).rejects.toThrow(
      'SMS returned the page token "p2" twice while listing; deploy again later');
    expect(sms.commandCalls(GetReplicationJobsCommand).map((c) => c.args[0].input.nextToken)).toEqual([undefined, 'p2', 'p1']);
  });
});
