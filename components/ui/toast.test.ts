// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (k: string) => k, getUILanguage: () => 'en' } } }));
vi.mock('./toast.css', () => ({}));

const { showToast } = await import('./Toast');

/** Lets preact run its effects and re-render (effects run after a frame or a timeout). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('toasts', () => {
  it('the first toast of a page shows although no host listened yet', async () => {
    expect(document.getElementById('jalur-toasts')).toBeNull();
    showToast({ message: 'Deleted Ayu Lestari', action: { label: 'Undo', run: () => undefined } });
    await vi.waitFor(() => expect(document.querySelector('[data-toast]')?.textContent).toContain('Deleted Ayu Lestari'));
    expect(document.querySelector('.toast-action')?.textContent).toBe('Undo');
    // The region is there once, polite, and later toasts join it.
    showToast({ message: 'Restored' });
    await settle();
    expect(document.querySelectorAll('#jalur-toasts')).toHaveLength(1);
    expect([...document.querySelectorAll('[data-toast] .toast-text')].map((n) => n.textContent)).toEqual(['Deleted Ayu Lestari', 'Restored']);
  });
});
