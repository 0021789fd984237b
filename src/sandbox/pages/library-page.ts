import { escapeHtml } from '../../documents/html-escape.js';
import type { SandboxDriveItem, SandboxState } from '../sandbox-state.js';
import { sandboxTexts } from '../sandbox-texts.js';
import { formatInstant, page } from './layout.js';

const t = sandboxTexts.pages;

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The SharePoint document library as folders and files; files download, folders open. */
export function renderLibraryPage(state: SandboxState, folder: SandboxDriveItem | null): string {
  const parentId = folder?.id ?? 'root';
  const children = state.driveItems
    .filter((i) => i.parentId === parentId)
    .sort((a, b) => Number(b.isFolder) - Number(a.isFolder) || a.name.localeCompare(b.name, 'da'));
  const trail: SandboxDriveItem[] = [];
  for (let current = folder; current; current = state.driveItems.find((i) => i.id === current!.parentId) ?? null) trail.unshift(current);
  const crumbs = [
    `<a href="/sandbox/sharepoint">${escapeHtml(t.library)}</a>`,
    ...trail.map((i) => `<a href="/sandbox/sharepoint/items/${i.id}">${escapeHtml(i.name)}</a>`),
  ].join(' / ');
  const rows = children
    .map(
      (
        i,
      ) => `<tr><td>${i.isFolder ? '📁' : '📄'} <a href="/sandbox/sharepoint/items/${i.id}${i.isFolder ? '' : '/content'}"${i.isFolder ? '' : ' download'}>${escapeHtml(i.name)}</a></td>
<td>${i.isFolder ? escapeHtml(t.folder) : escapeHtml(size(i.size))}</td><td>${escapeHtml(formatInstant(i.lastModifiedDateTime))}</td></tr>`,
    )
    .join('');
  return page(
    folder?.name ?? t.library,
    `<nav aria-label="Sti" class="meta">${crumbs}</nav>
${children.length ? `<table><thead><tr><th scope="col">${escapeHtml(t.name)}</th><th scope="col">${escapeHtml(t.size)}</th><th scope="col">${escapeHtml(t.modified)}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p>${escapeHtml(t.emptyLibrary)}</p>`}`,
  );
}
