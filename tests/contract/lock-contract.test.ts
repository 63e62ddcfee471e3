import { afterEach } from 'vitest';
import { gasLock } from '../../src/gas/ports';
import { ProcessLock } from '../../src/node/playground/ports';
import { createGasFake } from '../fakes/gas';
import { CountingLock } from '../support/ports';
import { lockContract } from './lock-contract';

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

lockContract('the Apps Script lock', () => {
  const fake = createGasFake();
  uninstall = fake.install();
  return { lock: gasLock, held: () => fake.locks.holder === 'this' };
});

lockContract("the playground's lock", () => {
  const lock = new ProcessLock();
  return { lock, held: () => lock.held };
});

lockContract("the tests' in-memory lock", () => {
  const lock = new CountingLock();
  return { lock, held: () => lock.held };
});
