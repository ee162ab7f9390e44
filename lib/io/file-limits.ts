// How big a file Jalur takes, decided on the file's size before a byte of it is read: reading a
// 1 GB "backup" whole to find out it is too big is what crashed the options page.
//
// The limits cover a busy rep with room to spare. A CRM export of 100,000 prospects with a dozen
// columns is about 20–40 MB (the review's 43,000-row file was 20 MB); LinkedIn's Connections.csv is
// about 100 bytes a row. A backup is read by the options page itself as a stream, row by row
// (lib/store/restore-stream.ts), so no message limit applies; a backup of 100,000 prospects with a
// year of touches and follow-ups is a few hundred MB, and the limit leaves room above that.

export type FileKind = 'csv' | 'backup';

export const MAX_FILE_BYTES: Record<FileKind, number> = {
  csv: 40_000_000,
  backup: 1_000_000_000,
};

/** The limit as people read it: "40 MB". */
export function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

export interface TooLarge {
  kind: FileKind;
  size: string;
  limit: string;
  /** English, for logs and tests; the UI words it from the fields. */
  message: string;
}

/** Null when a file of `bytes` may be read; otherwise what to tell the rep, naming the limit. */
export function checkFileSize(kind: FileKind, bytes: number): TooLarge | null {
  const max = MAX_FILE_BYTES[kind];
  if (bytes <= max) return null;
  const size = megabytes(bytes);
  const limit = megabytes(max);
  const what = kind === 'csv' ? 'import' : 'restore';
  return { kind, size, limit, message: `The file is ${size}; Jalur can ${what} files of at most ${limit}.` };
}
