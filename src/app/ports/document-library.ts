/** A folder in the library, as path segments below its root: ["Skoleudviklingssamtaler", "2026-27", "Bakkeskolen", …]. */
export type FolderPath = readonly string[];

export interface LibraryFile {
  fileName: string;
  content: Uint8Array;
  contentType: string;
}

export interface LibraryItem {
  id: string;
  name: string;
  webUrl: string;
  /** The folder the item is in. */
  parentId: string | null;
}

/**
 * The SharePoint document library the conversations' files live in. Uploading
 * by path creates missing folders and replaces a file of the same name, so a
 * repeated upload changes nothing.
 */
export interface DocumentLibrary {
  upload(folder: FolderPath, file: LibraryFile): Promise<LibraryItem>;
  /** New content for an item that is already there (same id, same link). */
  replace(itemId: string, file: LibraryFile): Promise<LibraryItem>;
  /** Deletes an item; false when it was already gone. */
  remove(itemId: string): Promise<boolean>;
  /** Gives an item a new name in the same folder (a moved conversation's folder). */
  rename(itemId: string, name: string): Promise<LibraryItem>;
  /** The folder's id and the link people open it with. */
  folder(folder: FolderPath): Promise<{ id: string; webUrl: string }>;
}
