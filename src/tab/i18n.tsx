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

const pluralRules = { da: new Intl.PluralRules('da'), en: new Intl.PluralRules('en') };

/**
 * A text in the person's language. With a `count`, a key may have a singular
 * beside it (`conversations_one`: "1 samtale"), chosen by the language's own
 * plural rules; numbers are written the language's way ("3,7" / "3.7").
 */
export const makeTranslate =
  (locale: Locale): Translate =>
  (key, values = {}) => {
    const count = values.count;
    const singular = typeof count === 'number' && pluralRules[locale].select(count) === 'one' ? lookup(locale, `${key}_one`) : null;
    const text = singular && singular !== `${key}_one` ? singular : lookup(locale, key);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in values)) return whole;
      const value = values[name];
      return typeof value === 'number' ? value.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB') : String(value);
    });
  };

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
