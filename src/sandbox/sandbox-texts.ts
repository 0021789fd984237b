import da from './i18n/da.json' with { type: 'json' };

export const sandboxTexts = da;
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (w, k: string) => values[k] ?? w);
