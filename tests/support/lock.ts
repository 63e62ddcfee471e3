/** Locks for use-case tests. */
import type { Lock } from '../../src/ports';

/** A document lock nobody else asks for: every run holds it at once. */
export const UNCONTENDED: Lock = { withDocumentLock: (fn) => fn() };
