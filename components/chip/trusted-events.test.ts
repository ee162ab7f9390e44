// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { acceptTrustedInputOnly, GUARDED_EVENTS } from './trusted-events';

// jsdom can only make untrusted events (as a page script can): every one must stop at the root.
// Trusted input getting through is covered in real Chromium (test/e2e/page-hostile.spec.ts).
function chip() {
  const host = document.createElement('jalur-inline');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const form = document.createElement('form');
  const button = document.createElement('button');
  form.append(button);
  root.append(form);
  acceptTrustedInputOnly(root);
  const seen: string[] = [];
  for (const type of [...GUARDED_EVENTS, 'focus']) button.addEventListener(type, () => seen.push(type));
  form.addEventListener('submit', () => seen.push('form submit'));
  return { host, root, form, button, seen };
}

describe('a Jalur shadow root acts on trusted input only', () => {
  it('stops a page script clicking the button, or dispatching any input event at it', () => {
    const { button, seen } = chip();
    button.click();
    for (const type of GUARDED_EVENTS) button.dispatchEvent(new Event(type, { bubbles: true, composed: true, cancelable: true }));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
  });

  it('cancels the default action of an untrusted click (no form submission)', () => {
    const { button, seen } = chip();
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    button.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
  });

  it('drops what a non-cancelable synthetic click sets off (the browser fires it as trusted)', () => {
    const { root, button, seen } = chip();
    const box = document.createElement('input');
    box.type = 'checkbox';
    root.append(box);
    box.addEventListener('change', () => seen.push('checkbox change'));
    box.addEventListener('input', () => seen.push('checkbox input'));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: false }));
    box.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: false }));
    expect(seen).toEqual([]);
  });

  it('leaves events that are not input alone (focus moves by script inside the chip)', () => {
    const { button, seen } = chip();
    button.dispatchEvent(new FocusEvent('focus'));
    expect(seen).toEqual(['focus']);
  });
});
