/**
 * Templates describe an item's process with timings in it: "Individuel
 * refleksion (2 min.). … på skift (25 min.) …". When the item is shortened
 * the agenda must not promise the template's old minutes: the timings are
 * scaled down to fit, in proportion, each at least one minute.
 */
const timing = /\((\d{1,3})\s*min\.?\)/g;

export function fitProcessTimings(process: string, itemMinutes: number): string {
  const found = [...process.matchAll(timing)].map((m) => Number(m[1]));
  const total = found.reduce((sum, n) => sum + n, 0);
  if (found.length === 0 || total <= itemMinutes) return process;
  // Largest remainder, so the scaled timings add up to the item's minutes exactly.
  const budget = Math.max(itemMinutes, found.length);
  const exact = found.map((n) => (n * budget) / total);
  const scaled = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = budget - scaled.reduce((sum, n) => sum + n, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left <= 0) break;
    scaled[i]! += 1;
    left -= 1;
  }
  // The one-minute floor can overshoot: take the excess from the longest steps.
  while (left < 0) {
    const longest = scaled.indexOf(Math.max(...scaled));
    if (scaled[longest]! <= 1) break;
    scaled[longest]! -= 1;
    left += 1;
  }
  let index = 0;
  return process.replace(timing, () => `(${scaled[index++]} min.)`);
}
