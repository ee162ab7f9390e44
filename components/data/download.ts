// Files leave the extension as a Blob behind a link with `download`: no downloads permission needed,
// and the browser asks where to save as it does for any download.

/** Local date as YYYY-MM-DD, for file names that sort by day. */
export function fileStamp(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function download(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy by now; a minute covers a slow "save as" dialog.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A chosen file as text. UTF-8 (with or without BOM) is what spreadsheets and CRMs write today; a file
 * that is not valid UTF-8 is almost always an older Excel "CSV" in Windows-1252, so read it as that
 * rather than filling names with replacement characters.
 */
export async function readText(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
