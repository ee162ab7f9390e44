import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, checkFileSize, megabytes } from './file-limits';

describe('file size limits', () => {
  it('refuses a CSV over the limit before it is read, naming the size and the limit', () => {
    expect(checkFileSize('csv', MAX_FILE_BYTES.csv)).toBeNull();
    const refused = checkFileSize('csv', 52_300_000);
    expect(refused).toEqual({
      kind: 'csv',
      size: '52 MB',
      limit: '40 MB',
      message: 'The file is 52 MB; Jalur can import files of at most 40 MB.',
    });
  });

  it('refuses a backup over the limit; a backup larger than one Chrome message (64 MiB) is fine, it is streamed', () => {
    expect(checkFileSize('backup', 1_000_000)).toBeNull();
    expect(checkFileSize('backup', 300_000_000)).toBeNull();
    expect(checkFileSize('backup', 1.2e9)?.message).toBe('The file is 1200 MB; Jalur can restore files of at most 1000 MB.');
  });

  it('covers a busy rep: 100,000 rows of a dozen columns fit', () => {
    const row = 'Siti Rahmawati,siti.rahmawati@nusantara-logistik.co.id,https://www.linkedin.com/in/siti-rahmawati-8b2a1c3/,Head of Procurement,Nusantara Logistik,Jakarta,Prospecting,25000000\r\n';
    expect(checkFileSize('csv', row.length * 100_000)).toBeNull();
    expect(megabytes(2_450_000)).toBe('2.5 MB');
  });
});
