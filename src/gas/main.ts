/**
 * The Apps Script entry: every export here becomes a top-level function of dist/Code.js (menu items,
 * triggers and google.script.run targets are called by name).
 */
export {};
