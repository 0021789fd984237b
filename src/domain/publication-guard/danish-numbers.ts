/**
 * Quantities written in Danish: digits ("53", "53,5", "5-9"), number words
 * ("tre", "treoghalvtreds"), fractions ("halvdelen", "en tredjedel",
 * "hver fjerde", "to ud af tre"). The guard treats any of them next to a test
 * result as a level.
 */
const units = 'en|et|én|to|tre|fire|fem|seks|syv|otte|ni';
const teens = 'ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten';
const tens = 'tyve|tredive|tredve|fyrre|fyrretyve|halvtreds|tres|halvfjerds|firs|halvfems';
const numberWord = `(?:(?:${units})og(?:${tens})|(?:${tens})|(?:${teens})|hundrede|(?:${units}))`;
const ordinal = 'anden|andet|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende';
const part = 'tredjedel|fjerdedel|femtedel|sjettedel|ottendedel|tiendedel';
const fraction = `(?:halvdelen|halvdel|halvparten|(?:omkring\\s+|cirka\\s+|knap\\s+|godt\\s+)?(?:en|et|to|tre|fire|fem|syv|ni)\\s+(?:${part})(?:e|en|ene)?|hver\\s+(?:${ordinal})|(?:${numberWord}|\\d+(?:[.,]\\d+)?)\\s+ud\\s+af\\s+(?:${numberWord}|\\d+))`;

/** A number in digits (with decimals) or words, or a fraction. Global, case-insensitive. */
export const quantityPattern = new RegExp(`(?<![\\p{L}\\d])(?:${fraction}|\\d+(?:[.,]\\d+)?|${numberWord})(?![\\p{L}\\d])`, 'giu');

/** "procent", "%", "pct.", "procentdel" — but not "procentpoint", which measures a change. */
export const percentPattern = /^\s*(?:%|procent(?!point)|pct\.?(?!point)|procentdel|procnet|porcent|prc\.?)/i;

export const isFraction = (text: string): boolean => new RegExp(`^${fraction}$`, 'iu').test(text);
