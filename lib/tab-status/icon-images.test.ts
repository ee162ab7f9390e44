import { describe, expect, it } from 'vitest';
import { iconImageCache } from './icon-images';

describe('iconImageCache', () => {
  it('decodes each icon file once, however many tabs and loads set it', async () => {
    const decodes: string[] = [];
    const images = iconImageCache(async (path) => {
      decodes.push(path);
      return `pixels of ${path}`;
    });
    const tracked = { 16: '/icon/tab/tracked-16.png', 32: '/icon/tab/tracked-32.png' };
    expect(await images(tracked)).toEqual({ 16: 'pixels of /icon/tab/tracked-16.png', 32: 'pixels of /icon/tab/tracked-32.png' });
    await Promise.all([images(tracked), images(tracked), images({ 16: '/icon/16.png' })]);
    expect(await images(tracked)).toEqual({ 16: 'pixels of /icon/tab/tracked-16.png', 32: 'pixels of /icon/tab/tracked-32.png' });
    expect(decodes).toEqual(['/icon/tab/tracked-16.png', '/icon/tab/tracked-32.png', '/icon/16.png']);
  });

  it('rejects a failed decode and tries the file again next time', async () => {
    let fail = true;
    const decodes: string[] = [];
    const images = iconImageCache(async (path) => {
      decodes.push(path);
      if (fail) throw new Error('no canvas');
      return 'pixels';
    });
    await expect(images({ 16: '/icon/16.png' })).rejects.toThrow('no canvas');
    fail = false;
    expect(await images({ 16: '/icon/16.png' })).toEqual({ 16: 'pixels' });
    expect(await images({ 16: '/icon/16.png' })).toEqual({ 16: 'pixels' });
    expect(decodes).toEqual(['/icon/16.png', '/icon/16.png']);
  });
});
