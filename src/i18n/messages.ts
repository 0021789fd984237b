import da from './da.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export type Locale = 'da' | 'en';
export const serverTexts = { da, en } as const;

/** Fills "{name}" placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function interpolate(text: string, values: Record<string, unknown> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** Picks Danish unless the request clearly prefers English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}
