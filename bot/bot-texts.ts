import da from './i18n/da.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { interpolate } from '../src/i18n/messages.js';

export type BotLocale = 'da' | 'en';
export type BotTexts = typeof da;
const texts: Record<BotLocale, BotTexts> = { da, en };

export const botTexts = (locale: BotLocale): BotTexts => texts[locale];
export const botLocaleOf = (locale: string | undefined | null): BotLocale => (locale?.toLowerCase().startsWith('en') ? 'en' : 'da');
export { interpolate };

/** "tirsdag 3. marts kl. 09.00" in Copenhagen time, as a Dane would write it. */
export function formatWhen(instant: Date, locale: BotLocale): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Copenhagen',
  }).format(instant);
}

/** "tirsdag den 3. marts": a deadline is a day. */
export function formatDay(instant: Date, locale: BotLocale): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(instant);
}

/** How long until something, as people say it: "om 27 minutter", "om 5 timer", "om 9 dage". */
export function formatRemaining(ms: number, locale: BotLocale): string {
  const format = new Intl.RelativeTimeFormat(locale === 'da' ? 'da' : 'en', { numeric: 'always' });
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}
