/**
 * Apps Script has no Web Crypto, and ical-generator asks `crypto.randomUUID()` for a default UID
 * whenever it makes an event (ours always gets the meeting's own UID). Utilities.getUuid() stands in
 * for it, so that the invitation can be built in a trigger as it is in Node.
 */
const scope = globalThis as { crypto?: { randomUUID?: () => string } };
if (typeof scope.crypto?.randomUUID !== 'function') scope.crypto = { randomUUID: () => Utilities.getUuid() };
