import { Rng } from '../sms-emulator/prng';

/**
 * MGN ids (mgn-api.md §3): a prefix and 17 characters drawn from a seeded stream, never repeated within one
 * emulator: `s-`, `app-`, `wave-`, `rct-`, `lct-`, `import-`, `vcc-` with [0-9a-zA-Z]; EC2 `lt-` and `i-`
 * with [0-9a-f].
 */
const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789abcdef';

export class MgnIdFactory {
  private readonly used = new Set<string>();
  private requestCounter = 0;

  constructor(private readonly rng: Rng) {}

  /** `<prefix>` + 17 alphanumerics, e.g. `s-0a1B2c3D4e5F6g7H8`. */
  public next(prefix: string): string {
    return this.unique(() => prefix + draw(this.rng, ALNUM, 17));
  }

  /** `<prefix>` + 17 lower-case hex digits (EC2 ids: `lt-`, `i-`). */
  public hex(prefix: string): string {
    return this.unique(() => prefix + draw(this.rng, HEX, 17));
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

function draw(rng: Rng, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += alphabet[Math.floor(rng() * alphabet.length)];
  }
  return out;
}
