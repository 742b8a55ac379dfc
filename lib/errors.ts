import { IConstruct } from 'constructs';

/**
 * Marks an error as this library's own, across copies of the library loaded side by side (two
 * versions in one `node_modules` make `instanceof` unreliable, as aws-cdk found with its own errors).
 */
const SMS_MIGRATION_ERROR_SYMBOL = Symbol.for('cdk-sms-migration.SmsMigrationError');

/** One problem carried by a `SmsMigrationError`. */
export interface SmsMigrationErrorDetail {
  /**
   * The stable id of the problem, `cdk-sms-migration:<Name>`.
   *
   * Error ids are public contract: they do not change between releases.
   */
  readonly errorId: string;

  /** What is wrong, with the value received and what is allowed; lowercase, no trailing period. */
  readonly message: string;
}

/**
 * An error thrown by this library when props or inputs cannot be used.
 *
 * Modelled on aws-cdk's `ValidationError` (internal to aws-cdk-lib, so it cannot be reused): it
 * records a stable error id and, when the problem is about a construct, that construct's path. When
 * several problems were found at once, `errorId` is `cdk-sms-migration:MultipleErrors`, the message
 * lists them one per line, and `details` holds each of them with its own id.
 *
 * TypeScript and JavaScript only: jsii cannot represent a subclass of `Error`, so the class is not in
 * the jsii assembly; from Python the error arrives as the runtime's own exception carrying the message.
 *
 * @jsii ignore
 */
export class SmsMigrationError extends Error {
  /**
   * Whether `x` is an error thrown by this library (any copy of it).
   */
  public static isSmsMigrationError(x: unknown): x is SmsMigrationError {
    return x !== null && typeof x === 'object' && SMS_MIGRATION_ERROR_SYMBOL in x;
  }

  /**
   * The stable id of the error, `cdk-sms-migration:<Name>`.
   */
  public readonly errorId: string;

  /**
   * The path of the construct the error is about.
   *
   * @default - the error is not about a construct
   */
  public readonly constructPath?: string;

  /**
   * Every problem the error reports: the error itself when it reports one problem.
   */
  public readonly details: SmsMigrationErrorDetail[];

  /**
   * @param errorId the stable id, `cdk-sms-migration:<Name>`
   * @param message what is wrong; lowercase, no trailing period
   * @param scope the construct the error is about
   * @param details the problems reported together, when there are several
   */
  constructor(errorId: string, message: string, scope?: IConstruct, details?: SmsMigrationErrorDetail[]) {
    super(message);
    Object.setPrototypeOf(this, SmsMigrationError.prototype);
    Object.defineProperty(this, SMS_MIGRATION_ERROR_SYMBOL, { value: true });
    this.name = 'SmsMigrationError';
    this.errorId = errorId;
    this.constructPath = scope?.node.path;
    this.details = details ?? [{ errorId, message }];
    if (this.constructPath !== undefined && this.stack !== undefined) {
      // As aws-cdk does: the stack trace names the construct, so a synth failure points at the job.
      this.stack += `\nRelates to construct: ${this.constructPath}`;
    }
  }
}

/** The id of an error that reports several problems found together. */
export const MULTIPLE_ERRORS_ID = 'cdk-sms-migration:MultipleErrors';

/**
 * Collects the problems found while validating, so that they are reported together.
 *
 * A user who set three props wrong learns about all three from one synth rather than from three.
 *
 * @example
 * const errors = new ErrorCollector(this);
 * if (hours > 24) {
 *   errors.add('cdk-sms-migration:FrequencyOutOfRange', `frequency ${hours} hours is ...`);
 * }
 * errors.throwIfAny();
 */
export class ErrorCollector {
  private readonly found: SmsMigrationErrorDetail[] = [];

  /**
   * @param scope the construct the problems are about
   */
  constructor(private readonly scope?: IConstruct) {}

  /** Records one problem. */
  public add(errorId: string, message: string): void {
    this.found.push({ errorId, message });
  }

  /** The problems recorded so far, in the order they were found. */
  public get details(): SmsMigrationErrorDetail[] {
    return [...this.found];
  }

  /**
   * Throws a `SmsMigrationError` when at least one problem was recorded: that problem as it is when
   * there is one, or all of them, one per line, under `cdk-sms-migration:MultipleErrors`.
   */
  public throwIfAny(): void {
    if (this.found.length === 1) {
      const [only] = this.found;
      throw new SmsMigrationError(only.errorId, only.message, this.scope);
    }
    if (this.found.length > 1) {
      const lines = this.found.map((detail) => `- ${detail.message}`);
      throw new SmsMigrationError(MULTIPLE_ERRORS_ID, [`found ${this.found.length} errors:`, ...lines].join('\n'), this.scope, this.details);
    }
  }
}
