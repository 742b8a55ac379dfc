import { Rng, digits, hex, uuid } from './prng';

/**
 * Ids in the formats of the SMS user guide (the model has no patterns for them): `s-` + 8 hex,
 * `sms-job-` + 8 hex, `sms-run-` + 8 hex, `c-` + 17 digits, `ami-` + 17 hex. Drawn from a seeded stream
 * and never repeated within one emulator state.
 */
export class IdFactory {
  private readonly used = new Set<string>();
  private requestCounter = 0;

  constructor(private readonly rng: Rng) {}

  /** `s-1a2b3c4d` */
  public serverId(): string {
    return this.unique(() => `s-${hex(this.rng, 8)}`);
  }

  /** `sms-job-1a2b3c4d` */
  public jobId(): string {
    return this.unique(() => `sms-job-${hex(this.rng, 8)}`);
  }

  /** `sms-run-1a2b3c4d` */
  public runId(): string {
    return this.unique(() => `sms-run-${hex(this.rng, 8)}`);
  }

  /** `c-12345678901234567` */
  public connectorId(): string {
    return this.unique(() => `c-${digits(this.rng, 17)}`);
  }

  /** `ami-0123456789abcdef0` */
  public amiId(): string {
    return this.unique(() => `ami-${hex(this.rng, 17)}`);
  }

  /** A UUID (VM manager ids, Hyper-V VM ids). */
  public uuid(): string {
    return this.unique(() => uuid(this.rng));
  }

  /** Request ids are sequential so they never disturb the id stream. */
  public requestId(): string {
    this.requestCounter += 1;
    return `00000000-0000-4000-8000-${this.requestCounter.toString(16).padStart(12, '0')}`;
  }

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
