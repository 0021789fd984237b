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
