/**
 * What every Lock adapter promises the use cases: the work runs and its value comes back, a failure
 * passes through and lets go, and nesting is re-entrant (a use case run from another runs inside the
 * outer one's lock, which stays held until the outer one ends).
 */
import { describe, expect, it } from 'vitest';
import type { Lock } from '../../src/ports';

export interface LockSubject {
  readonly lock: Lock;
  /** Whether this execution holds the lock now. */
  held(): boolean;
}

export function lockContract(name: string, make: () => LockSubject): void {
  describe(`${name} keeps the Lock contract`, () => {
    it('runs the work holding the lock and returns its value', () => {
      const subject = make();
      expect(subject.lock.withDocumentLock(() => (subject.held() ? 42 : -1))).toBe(42);
      expect(subject.held()).toBe(false);
    });

    it('is re-entrant: a nested take runs at once and the outer one keeps the lock to its end', () => {
      const subject = make();
      const seen: boolean[] = [];
      subject.lock.withDocumentLock(() => {
        seen.push(subject.lock.withDocumentLock(() => subject.held()));
        seen.push(subject.held());
      });
      expect(seen).toEqual([true, true]);
      expect(subject.held()).toBe(false);
    });

    it('lets go when the work throws, and passes the error on', () => {
      const subject = make();
      expect(() =>
        subject.lock.withDocumentLock(() => {
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(subject.held()).toBe(false);
    });
  });
}
