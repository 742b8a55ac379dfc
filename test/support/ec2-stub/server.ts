import * as http from 'http';
import { FaultInjector, FaultKind } from '../sms-emulator/faults';
import { EmulatorStats } from '../sms-emulator/stats';
import { TrackedHttpServer, readBody } from '../mgn-emulator/server';
import { LaunchTemplateRecord, MgnStore } from '../mgn-emulator/state';
import { FormTree, launchTemplateData, list, obj, parseForm, str } from './form';
import { document, el, errorDocument, launchTemplateDataXml } from './xml';

/**
 * The EC2 calls the MGN handler makes, on their own port, over the EC2 query protocol: the launch templates
 * are the MGN emulator's (one per source server, one per launch configuration template), shared state.
 */

/** The actions the stub serves. */
export const EC2_ACTIONS = ['DescribeLaunchTemplateVersions', 'CreateLaunchTemplateVersion', 'ModifyLaunchTemplate',
  'DeleteLaunchTemplateVersions', 'DescribeLaunchTemplates'];

/** One EC2 request as the stub saw it. */
export interface Ec2RequestLogEntry {
  readonly action: string;
  /** The decoded form fields, e.g. `{ 'LaunchTemplateData.InstanceType': 'm6i.large' }`. */
  readonly params: Readonly<Record<string, string>>;
  readonly status: number | 'dropped';
  readonly errorCode?: string;
  readonly fault?: FaultKind;
}

class Ec2Error extends Error {
  constructor(public readonly code: string, message: string, public readonly status = 400) {
    super(message);
  }
}

/** The EC2 stub's HTTP server. */
export class Ec2StubServer {
  public readonly http: TrackedHttpServer;

  constructor(private readonly store: MgnStore, private readonly faults: FaultInjector, private readonly stats: EmulatorStats,
    private readonly log: Ec2RequestLogEntry[]) {
    this.http = new TrackedHttpServer((req, res) => {
      void this.handle(req, res);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = this.store.ids.requestId();
    let action = '<none>';
    let params: Record<string, string> = {};
    let fault: FaultKind | undefined;
    const send = (status: number, body: string, errorCode?: string) => {
      if (!res.headersSent && !req.socket.destroyed) {
        res.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8', 'Content-Length': Buffer.byteLength(body), 'x-amzn-requestid': requestId });
        res.end(body);
      }
      this.log.push({ action, params, status, errorCode, fault });
    };
    const drop = () => {
      req.socket.destroy();
      this.log.push({ action, params, status: 'dropped', fault });
    };
    try {
      const body = await readBody(req);
      params = Object.fromEntries(new URLSearchParams(body));
      action = params.Action ?? '<none>';
      this.stats.recordCall(action);
      if (!EC2_ACTIONS.includes(action)) {
        throw new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
      }
      const decision = this.faults.decide(action);
      if (decision.latencyMs > 0) {
        fault = 'latency';
        this.stats.recordFault(action, 'latency');
        await this.http.sleep(decision.latencyMs);
      }
      if (decision.outcome) {
        fault = decision.outcome;
        this.stats.recordFault(action, decision.outcome);
      }
      switch (decision.outcome) {
        case 'drop':
          drop();
          return;
        case 'throttle':
          throw new Ec2Error('RequestLimitExceeded', 'Request limit exceeded. (injected)', 503);
        case 'internal':
          throw new Ec2Error('InternalError', 'An internal error has occurred (injected)', 500);
        case 'unavailable':
          throw new Ec2Error('Unavailable', 'The server is overloaded (injected)', 503);
        default:
          break;
      }
      const tree = parseForm(body);
      const inner = this.dispatch(action, tree);
      if (decision.outcome === 'lost-response') {
        drop();
        return;
      }
      send(200, document(action, requestId, inner));
    } catch (e) {
      const err = e instanceof Ec2Error ? e : new Ec2Error('InternalError', `EC2 stub bug: ${(e as Error).stack ?? String(e)}`, 500);
      this.stats.recordError(err.code);
      send(err.status, errorDocument(err.code, err.message, requestId), err.code);
    }
  }

  private dispatch(action: string, tree: FormTree): string {
    switch (action) {
      case 'DescribeLaunchTemplateVersions':
        return this.describeVersions(tree);
      case 'CreateLaunchTemplateVersion':
        return this.createVersion(tree);
      case 'ModifyLaunchTemplate':
        return this.modify(tree);
      case 'DeleteLaunchTemplateVersions':
        return this.deleteVersions(tree);
      default:
        return this.describeTemplates(tree);
    }
  }

  private template(tree: FormTree): LaunchTemplateRecord {
    const id = str(tree.LaunchTemplateId);
    const name = str(tree.LaunchTemplateName);
    if (id === undefined && name === undefined) {
      throw new Ec2Error('MissingParameter', 'The request must contain the parameter LaunchTemplateId or LaunchTemplateName');
    }
    const lt = id !== undefined ? this.store.launchTemplates.get(id) : [...this.store.launchTemplates.values()].find((t) => t.name === name);
    if (!lt) {
      throw id !== undefined
        ? new Ec2Error('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`)
        : new Ec2Error('InvalidLaunchTemplateName.NotFoundException', `The specified launch template, with template name ${name}, does not exist.`);
    }
    return lt;
  }

  private versionNumber(lt: LaunchTemplateRecord, v: string): number {
    const n = v === '$Default' ? lt.defaultVersion : v === '$Latest' ? lt.latestVersion : /^\d+$/.test(v) ? Number(v) : NaN;
    if (!lt.versions.has(n)) {
      throw new Ec2Error('InvalidLaunchTemplateId.VersionNotFound', `Could not find launch template version ${v} for ${lt.id}.`);
    }
    return n;
  }

  private versionXml(lt: LaunchTemplateRecord, n: number): string {
    const v = lt.versions.get(n)!;
    return el('launchTemplateId', lt.id) + el('launchTemplateName', lt.name) + el('versionNumber', v.number)
      + el('versionDescription', v.description) + el('createTime', v.created) + el('createdBy', `arn:aws:iam::${this.store.accountId}:root`)
      + el('defaultVersion', lt.defaultVersion === n) + `<launchTemplateData>${launchTemplateDataXml(v.data)}</launchTemplateData>`;
  }

  private templateXml(lt: LaunchTemplateRecord): string {
    return el('launchTemplateId', lt.id) + el('launchTemplateName', lt.name) + el('createTime', lt.created)
      + el('createdBy', `arn:aws:iam::${this.store.accountId}:root`) + el('defaultVersionNumber', lt.defaultVersion)
      + el('latestVersionNumber', lt.latestVersion)
      + `<tagSet>${Object.entries(lt.tags).map(([k, v]) => `<item>${el('key', k)}${el('value', v)}</item>`).join('')}</tagSet>`;
  }

  private describeVersions(tree: FormTree): string {
    const lt = this.template(tree);
    const asked = list(tree.LaunchTemplateVersion).map((v) => str(v) ?? '');
    const numbers = asked.length > 0 ? [...new Set(asked.map((v) => this.versionNumber(lt, v)))] : [...lt.versions.keys()];
    numbers.sort((a, b) => b - a);
    return `<launchTemplateVersionSet>${numbers.map((n) => `<item>${this.versionXml(lt, n)}</item>`).join('')}</launchTemplateVersionSet>`;
  }

  private createVersion(tree: FormTree): string {
    const lt = this.template(tree);
    const token = str(tree.ClientToken);
    const seen = token === undefined ? undefined : lt.tokens.get(token);
    if (seen !== undefined) {
      return `<launchTemplateVersion>${this.versionXml(lt, seen)}</launchTemplateVersion>`;
    }
    const source = str(tree.SourceVersion);
    const base = source === undefined ? {} : lt.versions.get(this.versionNumber(lt, source))!.data;
    // EC2 semantics: each top-level member given replaces the source version's member as a whole.
    const data = { ...JSON.parse(JSON.stringify(base)) as Record<string, unknown>, ...launchTemplateData(obj(tree.LaunchTemplateData)) };
    const n = lt.latestVersion + 1;
    lt.versions.set(n, { number: n, description: str(tree.VersionDescription), created: this.store.now(), data });
    lt.latestVersion = n;
    if (token !== undefined) {
      lt.tokens.set(token, n);
    }
    return `<launchTemplateVersion>${this.versionXml(lt, n)}</launchTemplateVersion>`;
  }

  private modify(tree: FormTree): string {
    const lt = this.template(tree);
    const v = str(tree.SetDefaultVersion) ?? str(tree.DefaultVersion);
    if (v !== undefined) {
      lt.defaultVersion = this.versionNumber(lt, v);
    }
    return `<launchTemplate>${this.templateXml(lt)}</launchTemplate>`;
  }

  private deleteVersions(tree: FormTree): string {
    const lt = this.template(tree);
    const ok: string[] = [];
    const failed: string[] = [];
    for (const raw of list(tree.LaunchTemplateVersion).map((v) => str(v) ?? '')) {
      const n = Number(raw);
      const head = el('launchTemplateId', lt.id) + el('launchTemplateName', lt.name) + el('versionNumber', raw);
      if (!lt.versions.has(n)) {
        failed.push(`${head}<responseError>${el('code', 'launchTemplateVersionDoesNotExist')}${el('message', `version ${raw} does not exist`)}</responseError>`);
      } else if (n === lt.defaultVersion) {
        failed.push(`${head}<responseError>${el('code', 'launchTemplateVersionIsDefaultVersion')}`
          + `${el('message', 'the default version cannot be deleted')}</responseError>`);
      } else {
        lt.versions.delete(n);
        ok.push(head);
      }
    }
    return `<successfullyDeletedLaunchTemplateVersionSet>${ok.map((i) => `<item>${i}</item>`).join('')}</successfullyDeletedLaunchTemplateVersionSet>`
      + `<unsuccessfullyDeletedLaunchTemplateVersionSet>${failed.map((i) => `<item>${i}</item>`).join('')}</unsuccessfullyDeletedLaunchTemplateVersionSet>`;
  }

  private describeTemplates(tree: FormTree): string {
    const ids = list(tree.LaunchTemplateId).map((v) => str(v) ?? '');
    for (const id of ids) {
      if (!this.store.launchTemplates.has(id)) {
        throw new Ec2Error('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
      }
    }
    const items = [...this.store.launchTemplates.values()].filter((lt) => ids.length === 0 || ids.includes(lt.id));
    return `<launchTemplates>${items.map((lt) => `<item>${this.templateXml(lt)}</item>`).join('')}</launchTemplates>`;
  }
}
