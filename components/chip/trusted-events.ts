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

/** Stop every untrusted input event at `root` (a shadow root Jalur owns) before its content sees it. */
export function acceptTrustedInputOnly(root: EventTarget): void {
  // A synthetic click made not cancelable still runs the target's activation behaviour, and the
  // browser fires what follows (a form's submit, a checkbox's input and change) as trusted events.
  // Those arrive synchronously, while the page's script is still on the stack; so everything up to
  // the next microtask checkpoint after an untrusted event is dropped too. Real input never arrives
  // within a script's synchronous run.
  let tainted = false;
  const guard = (event: Event) => {
    if (event.isTrusted && !tainted) return;
    if (!tainted) {
      tainted = true;
      queueMicrotask(() => (tainted = false));
    }
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, guard, { capture: true });
}
