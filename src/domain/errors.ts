/** What a thrown value says, for a person: an Error's message, or the value as text (scripts may throw anything). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
