/**
 * Which files may go in a conversation's data package, and names SharePoint
 * Online can hold. Pure and zod-free: the tab checks each file with the same
 * rules before uploading, so a person sees the problem per file at once, and
 * the server checks again.
 *
 * SharePoint Online refuses the characters " * : < > ? / \ | and control
 * characters, leading and trailing spaces, names ending in a period, names
 * starting with ~$, and reserved names (CON, PRN, AUX, NUL, COM0–9, LPT0–9,
 * .lock, desktop.ini, _vti_) — "Restrictions and limitations in OneDrive and
 * SharePoint" (Microsoft Support).
 */

/** Document types a data package holds: office documents, PDFs, images and plain data. */
export const allowedDocumentExtensions = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'pptx',
  'ppt',
  'odt',
  'ods',
  'odp',
  'rtf',
  'txt',
  'csv',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
] as const;

export const maxDocumentNameLength = 200;

export type DocumentNameProblem = 'empty' | 'tooLong' | 'characters' | 'edges' | 'reserved' | 'type';

export type DocumentNameCheck =
  { ok: true; fileName: string } | { ok: false; problem: DocumentNameProblem; extension: string; suggestion: string | null };

const forbidden = /["*:<>?/\\|\u0000-\u001f\u007f-\u009f]/g;
const reservedBase = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const reservedWhole = /^(\.lock|desktop\.ini)$/i;

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

const isAllowedType = (extension: string) => (allowedDocumentExtensions as readonly string[]).includes(extension);

function problemOf(name: string): DocumentNameProblem | null {
  if (!name) return 'empty';
  if (name.length > maxDocumentNameLength) return 'tooLong';
  forbidden.lastIndex = 0;
  if (forbidden.test(name)) return 'characters';
  if (name !== name.trim() || name.endsWith('.') || name.startsWith('~$') || name.startsWith('.')) return 'edges';
  const base = name.slice(0, name.lastIndexOf('.') > 0 ? name.lastIndexOf('.') : undefined);
  if (reservedBase.test(base) || reservedWhole.test(name) || name.toLowerCase().includes('_vti_')) return 'reserved';
  if (!isAllowedType(extensionOf(name))) return 'type';
  return null;
}

/** A name SharePoint can hold, as close to the person's own as possible ("Trivsel 2026/27?.pdf" → "Trivsel 2026-27.pdf"). */
export function cleanDocumentName(raw: string): string {
  const name = raw.normalize('NFC');
  const dot = name.lastIndexOf('.');
  const extension =
    dot > 0
      ? name
          .slice(dot + 1)
          .replace(forbidden, '')
          .trim()
          .toLowerCase()
      : '';
  let base = (dot > 0 ? name.slice(0, dot) : name)
    .replace(/[/\\|]/g, '-')
    .replace(forbidden, '')
    .replace(/_vti_/gi, 'vti')
    .replace(/^~\$/, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (reservedBase.test(base)) base = `${base}-fil`;
  if (!base) base = 'Dokument';
  const room = maxDocumentNameLength - (extension ? extension.length + 1 : 0);
  base = base.slice(0, room).trimEnd();
  return extension ? `${base}.${extension}` : base;
}

/** Checks a file's name; a problem comes with a cleaned name to offer, unless only the type is wrong. */
export function checkDocumentName(raw: string): DocumentNameCheck {
  const fileName = raw.normalize('NFC');
  const problem = problemOf(fileName);
  if (!problem) return { ok: true, fileName };
  const extension = extensionOf(fileName);
  if (problem === 'type' || (!isAllowedType(extensionOf(cleanDocumentName(fileName))) && problem !== 'empty')) {
    return { ok: false, problem: 'type', extension, suggestion: null };
  }
  const suggestion = cleanDocumentName(fileName);
  return { ok: false, problem, extension, suggestion: problemOf(suggestion) ? null : suggestion };
}

/** "Datapakke (2).pdf" for keeping both when a name is taken. */
export function numberedDocumentName(fileName: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})${extension}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
