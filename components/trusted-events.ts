/**
 * Jalur's elements on a page act only on what the user does. A page script can dispatch synthetic
 * events or call `click()` on anything it can reach (with an open shadow root, or a future leak of a
 * closed one); those events carry `isTrusted: false`, while real input (mouse, keyboard, touch, and the
 * click a key press on a focused button produces) is trusted. A capture-phase listener on the shadow
 * root runs before any listener inside it, so untrusted input never reaches the chip's handlers and
 * its default action (submitting, toggling) is cancelled.
 */
export const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
  'pointerdown',
  'pointerup',
  'pointermove',
  'pointerover',
  'pointerout',
  'pointerenter',
  'pointerleave',
  'pointercancel',
  'mousedown',
  'mouseup',
  'mousemove',
  'mouseover',
  'mouseout',
  'mouseenter',
  'mouseleave',
  'touchstart',
  'touchend',
  'touchmove',
  'touchcancel',
  'dragstart',
  'drop',
] as const;

function dropUntrusted(event: Event): void {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

/** Stop every untrusted input event at `root` (a shadow root Jalur owns) before its content sees it. */
export function acceptTrustedInputOnly(root: EventTarget): void {
  for (const type of GUARDED_EVENTS) root.addEventListener(type, dropUntrusted, { capture: true });
}
