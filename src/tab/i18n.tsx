import { createContext, useContext, type ReactNode } from 'react';
import da from './i18n/da.json';
import en from './i18n/en.json';

export type Locale = 'da' | 'en';
const dictionaries = { da, en } as const;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type TextKey = Leaves<typeof da>;

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

function lookup(locale: Locale, key: string): string {
  let node: unknown = dictionaries[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}

export const makeTranslate =
  (locale: Locale): Translate =>
  (key, values = {}) =>
    lookup(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

const I18nContext = createContext<{ locale: Locale; t: Translate; setLocale: (l: Locale) => void }>({
  locale: 'da',
  t: makeTranslate('da'),
  setLocale: () => {},
});

export function I18nProvider({ locale, setLocale, children }: { locale: Locale; setLocale: (l: Locale) => void; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: makeTranslate(locale), setLocale }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

/** Danish unless the host (Teams or the browser) clearly asks for English. */
export const localeFrom = (tag: string | undefined): Locale => (tag?.toLowerCase().startsWith('en') ? 'en' : 'da');
