import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ErrorCollector, MULTIPLE_ERRORS_ID, SmsMigrationError } from '../lib/errors';

describe('SmsMigrationError', () => {
  test('records the error id, the message and the construct path', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const scope = new Construct(stack, 'Job');

    // WHEN
    const error = new SmsMigrationError('cdk-sms-migration:Example', 'frequency 25 hours is not allowed', scope);

    // THEN
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SmsMigrationError);
    expect(error.name).toBe('SmsMigrationError');
    expect(error.errorId).toBe('cdk-sms-migration:Example');
    expect(error.message).toBe('frequency 25 hours is not allowed');
    expect(error.constructPath).toBe('Stack/Job');
    expect(error.details).toEqual([{ errorId: 'cdk-sms-migration:Example', message: 'frequency 25 hours is not allowed' }]);
    expect(error.stack).toContain('Relates to construct: Stack/Job');
  });

  test('has no construct path without a scope', () => {
    // WHEN
    const error = new SmsMigrationError('cdk-sms-migration:Example', 'something is wrong');

    // THEN
    expect(error.constructPath).toBeUndefined();
    expect(error.stack).not.toContain('Relates to construct');
  });

  test('is recognized by a marker, not only by instanceof', () => {
    // GIVEN
    const error = new SmsMigrationError('cdk-sms-migration:Example', 'something is wrong');
    const copy = Object.assign(Object.create(Error.prototype), error);
    Object.defineProperty(copy, Symbol.for('cdk-sms-migration.SmsMigrationError'), { value: true });

    // THEN
    expect(SmsMigrationError.isSmsMigrationError(error)).toBe(true);
    expect(SmsMigrationError.isSmsMigrationError(copy)).toBe(true);
    expect(SmsMigrationError.isSmsMigrationError(new Error('plain'))).toBe(false);
    expect(SmsMigrationError.isSmsMigrationError(undefined)).toBe(false);
    expect(SmsMigrationError.isSmsMigrationError('cdk-sms-migration:Example')).toBe(false);
  });
});

describe('ErrorCollector', () => {
  test('throws nothing when nothing was found', () => {
    // GIVEN
    const errors = new ErrorCollector();

    // WHEN / THEN
    expect(() => errors.throwIfAny()).not.toThrow();
    expect(errors.details).toEqual([]);
  });

  test('throws a single problem as it is', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const errors = new ErrorCollector(stack);
    errors.add('cdk-sms-migration:One', 'one is wrong');

    // WHEN / THEN
    expect(() => errors.throwIfAny()).toThrow(expect.objectContaining({
      errorId: 'cdk-sms-migration:One',
      message: 'one is wrong',
      constructPath: 'Stack',
    }));
  });

  test('throws several problems together, one per line, keeping each id', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const errors = new ErrorCollector(stack);
    errors.add('cdk-sms-migration:One', 'one is wrong');
    errors.add('cdk-sms-migration:Two', 'two is wrong');

    // WHEN / THEN
    expect(() => errors.throwIfAny()).toThrow(expect.objectContaining({
      errorId: MULTIPLE_ERRORS_ID,
      message: 'found 2 errors:\n- one is wrong\n- two is wrong',
      constructPath: 'Stack',
      details: [
        { errorId: 'cdk-sms-migration:One', message: 'one is wrong' },
        { errorId: 'cdk-sms-migration:Two', message: 'two is wrong' },
      ],
    }));
  });

  test('hands out a copy of what it found', () => {
    // GIVEN
    const errors = new ErrorCollector();
    errors.add('cdk-sms-migration:One', 'one is wrong');

    // WHEN
    errors.details.pop();

    // THEN
    expect(errors.details).toHaveLength(1);
  });
});
