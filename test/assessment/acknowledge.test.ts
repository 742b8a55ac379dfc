import { AcknowledgementBook, globToRegExp } from '../../lib/assessment/acknowledge';

describe('globToRegExp', () => {
  test('matches * and ? and nothing else specially', () => {
    expect(globToRegExp('db-*').test('db-01')).toBe(true);
    expect(globToRegExp('db-?1').test('db-01')).toBe(true);
    expect(globToRegExp('db.*').test('dbx01')).toBe(false);
    expect(globToRegExp('web').test('web-01')).toBe(false);
  });
});

describe('AcknowledgementBook', () => {
  test('matches rule ids case-insensitively and marks what it used', () => {
    const book = new AcknowledgementBook([{ rule: 'sms-net1', reason: 'r' }]);
    expect(book.match('SMS-NET1', 'vm-1')).toEqual({ reason: 'r', scope: 'plan' });
    expect(book.unused()).toEqual([]);
  });

  test('keeps a VM\'s acknowledgement to that VM', () => {
    const book = new AcknowledgementBook(undefined);
    book.addVm('a', [{ rule: 'SMS-NET1', reason: 'r' }]);
    expect(book.match('SMS-NET1', 'b')).toBeUndefined();
    expect(book.unused()).toEqual([{ rule: 'SMS-NET1', reason: 'r', scope: 'vm', vm: 'a' }]);
  });
});
