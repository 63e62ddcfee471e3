/**
 * Tests over the Apps Script fake on a fixed day: the Apps Script clock is the process's, so Date is
 * faked to that day for each test, and the fake's globals come off again after it.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { GasFake } from '../fakes/gas';

/** Call at the top of a test file; returns what installs a fake's globals for the current test. */
export function onFixedDay(date: Date): (fake: GasFake) => GasFake {
  let restore: (() => void) | null = null;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(date);
  });
  afterEach(() => {
    vi.useRealTimers();
    restore?.();
    restore = null;
  });
  return (fake) => {
    restore = fake.install();
    return fake;
  };
}
