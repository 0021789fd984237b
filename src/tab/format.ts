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

/** A file size the local way: "5,7 MB" in Danish, "5.7 MB" in English; below 1 MB in whole kB. */
export const formatFileSize = (bytes: number, locale: Locale) => {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
};

/** Today in Copenhagen as YYYY-MM-DD, the form agreements' dates are stored in. */
export const copenhagenToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
