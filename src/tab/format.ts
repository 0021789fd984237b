import type { Locale } from './i18n.js';

const zone = 'Europe/Copenhagen';
const tag = (locale: Locale) => (locale === 'da' ? 'da-DK' : 'en-GB');

export const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(tag(locale), { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(iso),
  );
export const formatShortDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(tag(locale), { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
export const formatTime = (iso: string | Date, locale: Locale) =>
  new Intl.DateTimeFormat(tag(locale), { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace('.', ':');
