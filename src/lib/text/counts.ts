/**
 * A list's count before anything is chosen, in the words of its status line: "Showing all 12
 * services", but "Showing 1 service". Used by the service filter and the video topic filter, in
 * the page and in their scripts.
 */
export function showingAll(count: number, noun: string): string {
  return count === 1 ? `Showing 1 ${noun}` : `Showing all ${count} ${noun}s`;
}
