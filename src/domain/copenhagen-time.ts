/**
 * Danish local time without a date library. Graph wants wall-clock times with a
 * Windows zone name ("Romance Standard Time"); the product stores UTC.
 */
const zone = 'Europe/Copenhagen';

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-01T09:00:00" for the instant, as a clock in Copenhagen shows it. */
export function toCopenhagenWallClock(instant: Date): string {
  const p = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** The instant a Copenhagen wall-clock time ("2026-12-01T09:00" or with seconds) denotes. */
export function fromCopenhagenWallClock(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!match) throw new Error(`Not a wall-clock time: ${local}`);
  const [, y, mo, d, h, mi, s] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Two passes settle the offset also on the days daylight saving changes.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${toCopenhagenWallClock(new Date(guess))}Z`);
    guess += asUtc - shown;
  }
  return new Date(guess);
}
