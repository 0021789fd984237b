import { randomUUID } from 'node:crypto';
import type { SandboxDriveItem } from '../sandbox-state.js';
import { requireActionBody, requireBody } from './body-check.js';
import { GraphHttpError, nowIso, type GraphResponse, type SandboxGraphContext } from './graph-types.js';

const rootId = 'root';
const simpleUploadLimit = 4 * 1024 * 1024;

function checkDrive(ctx: SandboxGraphContext, driveId: string): void {
  if (decodeURIComponent(driveId) !== ctx.driveId) throw new GraphHttpError(404, 'itemNotFound', 'The drive does not exist.');
}

const childrenOf = (ctx: SandboxGraphContext, parentId: string) => ctx.state.driveItems.filter((i) => i.parentId === parentId);

export function pathOf(ctx: SandboxGraphContext, item: SandboxDriveItem): string[] {
  const names: string[] = [];
  for (let current: SandboxDriveItem | undefined = item; current; current = ctx.state.driveItems.find((i) => i.id === current!.parentId)) {
    names.unshift(current.name);
  }
  return names;
}

export function presentItem(ctx: SandboxGraphContext, item: SandboxDriveItem) {
  const parentPath = pathOf(ctx, item).slice(0, -1);
  return {
    id: item.id,
    name: item.name,
    webUrl: `${ctx.publicUrl}/sandbox/sharepoint/items/${item.id}`,
    size: item.isFolder ? childrenOf(ctx, item.id).reduce((s, c) => s + c.size, 0) : item.size,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    createdBy: { application: { displayName: item.createdBy } },
    parentReference: {
      driveId: ctx.driveId,
      id: item.parentId ?? rootId,
      path: `/drive/root:${parentPath.length ? '/' + parentPath.join('/') : ''}`,
    },
    ...(item.isFolder ? { folder: { childCount: childrenOf(ctx, item.id).length } } : { file: { mimeType: item.mimeType } }),
  };
}

function addItem(ctx: SandboxGraphContext, parentId: string, name: string, isFolder: boolean): SandboxDriveItem {
  const now = nowIso();
  const item: SandboxDriveItem = {
    id: randomUUID(),
    name,
    parentId,
    isFolder,
    mimeType: null,
    size: 0,
    blob: null,
    createdBy: 'Udviklingssamtale',
    createdDateTime: now,
    lastModifiedDateTime: now,
  };
  ctx.state.driveItems.push(item);
  ctx.state.changed('driveItems', item);
  return item;
}

/** Resolves "a/b/c" below the root; with create, missing folders are made (as an upload by path does). */
function resolvePath(ctx: SandboxGraphContext, encodedPath: string, create: boolean): SandboxDriveItem | null {
  const names = encodedPath
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  let parentId = rootId;
  let item: SandboxDriveItem | null = null;
  for (const name of names) {
    checkName(name);
    item = childrenOf(ctx, parentId).find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null;
    if (!item) {
      if (!create) return null;
      item = addItem(ctx, parentId, name, true);
    }
    parentId = item.id;
  }
  return item;
}

function checkName(name: string): void {
  if (/["*:<>?\\|]/.test(name) || name.trim() !== name || name.endsWith('.')) {
    throw new GraphHttpError(400, 'invalidRequest', `The name '${name}' contains characters that are not allowed.`);
  }
}

function splitParent(encodedPath: string): { parentPath: string; name: string } {
  const parts = encodedPath.split('/').filter(Boolean);
  return { parentPath: parts.slice(0, -1).join('/'), name: decodeURIComponent(parts.at(-1) ?? '') };
}

export function putContentByPath(
  ctx: SandboxGraphContext,
  driveId: string,
  encodedPath: string,
  content: Buffer,
  contentType: string,
): GraphResponse {
  checkDrive(ctx, driveId);
  if (content.length > simpleUploadLimit) {
    throw new GraphHttpError(413, 'requestEntityTooLarge', 'Maximum request length exceeded. Use an upload session for files over 4 MB.');
  }
  const { parentPath, name } = splitParent(encodedPath);
  checkName(name);
  const parent = parentPath ? resolvePath(ctx, parentPath, true)! : null;
  return { status: 201, body: presentItem(ctx, storeFile(ctx, parent?.id ?? rootId, name, content, contentType)) };
}

function storeFile(ctx: SandboxGraphContext, parentId: string, name: string, content: Buffer, contentType: string): SandboxDriveItem {
  const now = nowIso();
  let item = childrenOf(ctx, parentId).find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (item?.isFolder) throw new GraphHttpError(409, 'nameAlreadyExists', 'A folder with that name already exists.');
  if (!item) item = addItem(ctx, parentId, name, false);
  item.blob = `${item.id}-${Date.now()}`;
  ctx.state.writeBlob(item.blob, content);
  item.size = content.length;
  item.mimeType = contentType || 'application/octet-stream';
  item.lastModifiedDateTime = now;
  ctx.state.changed('driveItems', item);
  return item;
}

export function createUploadSession(ctx: SandboxGraphContext, driveId: string, encodedPath: string, json: unknown): GraphResponse {
  checkDrive(ctx, driveId);
  const body = requireActionBody(ctx, 'createUploadSession', 'microsoft.graph.driveItem', json);
  const { parentPath, name } = splitParent(encodedPath);
  checkName(name);
  const parent = parentPath ? resolvePath(ctx, parentPath, true)! : null;
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + 60 * 60_000).toISOString();
  ctx.state.uploadSessions.set(id, {
    id,
    parentId: parent?.id ?? rootId,
    name,
    size: Number(body.item?.fileSize ?? 0),
    received: 0,
    expiresAt,
    chunks: [],
  });
  return {
    status: 200,
    body: { uploadUrl: `${ctx.publicUrl}/sandbox/upload/${id}`, expirationDateTime: expiresAt, nextExpectedRanges: ['0-'] },
  };
}

/** A chunk sent to an upload session URL (no Graph auth there: the URL is the credential). */
export function putUploadChunk(
  ctx: SandboxGraphContext,
  sessionId: string,
  contentRange: string | undefined,
  chunk: Buffer,
): GraphResponse {
  const session = ctx.state.uploadSessions.get(sessionId);
  if (!session) throw new GraphHttpError(404, 'itemNotFound', 'The upload session was not found.');
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange ?? '');
  if (!match) throw new GraphHttpError(400, 'invalidRange', 'A Content-Range header of the form "bytes start-end/total" is required.');
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (start !== session.received || end - start + 1 !== chunk.length || (session.size && total !== session.size)) {
    throw new GraphHttpError(416, 'invalidRange', `Expected the range starting at ${session.received}.`);
  }
  session.chunks.push(chunk);
  session.received = end + 1;
  if (session.received < total) {
    return { status: 202, body: { expirationDateTime: session.expiresAt, nextExpectedRanges: [`${session.received}-`] } };
  }
  ctx.state.uploadSessions.delete(sessionId);
  const item = storeFile(ctx, session.parentId, session.name, Buffer.concat(session.chunks), 'application/octet-stream');
  return { status: 201, body: presentItem(ctx, item) };
}

export function getItemByPath(ctx: SandboxGraphContext, driveId: string, encodedPath: string): GraphResponse {
  checkDrive(ctx, driveId);
  const item = resolvePath(ctx, encodedPath, false);
  if (!item) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
  return { status: 200, body: presentItem(ctx, item) };
}

export function getItem(ctx: SandboxGraphContext, driveId: string, itemId: string): GraphResponse {
  checkDrive(ctx, driveId);
  const item = ctx.state.driveItems.find((i) => i.id === itemId);
  if (!item) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
  return { status: 200, body: presentItem(ctx, item) };
}

export function listChildren(ctx: SandboxGraphContext, driveId: string, itemId: string): GraphResponse {
  checkDrive(ctx, driveId);
  if (itemId !== rootId && !ctx.state.driveItems.some((i) => i.id === itemId))
    throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
  return { status: 200, body: { value: childrenOf(ctx, itemId).map((c) => presentItem(ctx, c)) } };
}

export function getContent(ctx: SandboxGraphContext, driveId: string, itemId: string): GraphResponse {
  checkDrive(ctx, driveId);
  const item = ctx.state.driveItems.find((i) => i.id === itemId && !i.isFolder);
  if (!item?.blob) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
  return { status: 200, binary: { content: ctx.state.readBlob(item.blob), contentType: item.mimeType ?? 'application/octet-stream' } };
}

export function createChild(ctx: SandboxGraphContext, driveId: string, parentId: string, json: unknown): GraphResponse {
  checkDrive(ctx, driveId);
  const body = requireBody(ctx, 'microsoft.graph.driveItem', json);
  if (!body.folder) throw new GraphHttpError(400, 'invalidRequest', 'Only folders can be created this way.');
  const name = String(body.name ?? '');
  checkName(name);
  const existing = childrenOf(ctx, parentId).find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    if (body['@microsoft.graph.conflictBehavior'] === 'fail')
      throw new GraphHttpError(409, 'nameAlreadyExists', 'An item with the same name already exists.');
    return { status: 200, body: presentItem(ctx, existing) };
  }
  const item = addItem(ctx, parentId, name, true);
  return { status: 201, body: presentItem(ctx, item) };
}

/** PUT /drives/{d}/items/{id}/content: new content for an existing file, same id and link. */
export function putContentById(
  ctx: SandboxGraphContext,
  driveId: string,
  itemId: string,
  content: Buffer,
  contentType: string,
): GraphResponse {
  checkDrive(ctx, driveId);
  if (content.length > simpleUploadLimit) {
    throw new GraphHttpError(413, 'requestEntityTooLarge', 'Maximum request length exceeded. Use an upload session for files over 4 MB.');
  }
  const item = ctx.state.driveItems.find((i) => i.id === itemId);
  if (!item || item.isFolder) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
  return { status: 200, body: presentItem(ctx, storeFile(ctx, item.parentId ?? rootId, item.name, content, contentType)) };
}

/** DELETE /drives/{d}/items/{id}: the item (and, for a folder, everything in it) goes to the recycle bin. */
export function deleteItem(ctx: SandboxGraphContext, driveId: string, itemId: string): GraphResponse {
  checkDrive(ctx, driveId);
  const item = ctx.state.driveItems.find((i) => i.id === itemId);
  if (!item) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
  const doomed = new Set([item.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const child of ctx.state.driveItems) {
      if (child.parentId && doomed.has(child.parentId) && !doomed.has(child.id)) {
        doomed.add(child.id);
        grew = true;
      }
    }
  }
  ctx.state.driveItems = ctx.state.driveItems.filter((i) => !doomed.has(i.id));
  for (const id of doomed) ctx.state.removed('driveItems', id);
  return { status: 204 };
}

/** PATCH /drives/{d}/items/{id} with a new name: renames in place (the product renames a moved conversation's folder). */
export function renameItem(ctx: SandboxGraphContext, driveId: string, itemId: string, json: unknown): GraphResponse {
  checkDrive(ctx, driveId);
  const body = requireBody(ctx, 'microsoft.graph.driveItem', json);
  const item = ctx.state.driveItems.find((i) => i.id === itemId);
  if (!item) throw new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
  const name = String(body.name ?? '');
  checkName(name);
  if (childrenOf(ctx, item.parentId ?? rootId).some((c) => c.id !== item.id && c.name.toLowerCase() === name.toLowerCase())) {
    throw new GraphHttpError(409, 'nameAlreadyExists', 'An item with the same name already exists.');
  }
  item.name = name;
  item.lastModifiedDateTime = nowIso();
  ctx.state.changed('driveItems', item);
  return { status: 200, body: presentItem(ctx, item) };
}
