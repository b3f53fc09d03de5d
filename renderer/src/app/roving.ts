/**
 * The ARIA toolbar pattern: a toolbar is one Tab stop; ←/→ (Home/End) move between its enabled
 * controls. Only the control last used is in the Tab order, so Tab passes the toolbar in one step.
 * A <select> in it keeps ↑/↓ for its value.
 */
import { useLayoutEffect, type RefObject } from 'react';

const CONTROLS = 'button, select, input, a[href]';

export function useRovingToolbar(ref: RefObject<HTMLElement | null>): void {
  // Before the first paint: the Tab stops are right in the frame that shows the toolbar.
  useLayoutEffect(() => {
    const toolbar = ref.current;
    if (!toolbar) return;
    let current: HTMLElement | null = null;
    const items = () =>
      [...toolbar.querySelectorAll<HTMLElement>(CONTROLS)].filter(
        (el) => !(el as HTMLButtonElement).disabled && !el.closest('[hidden]'),
      );
    const sync = () => {
      const list = items();
      if (!current || !list.includes(current)) current = list[0] ?? null;
      for (const el of list) el.tabIndex = el === current ? 0 : -1;
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      if (items().includes(target)) {
        current = target;
        sync();
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const list = items();
      const index = list.indexOf(document.activeElement as HTMLElement);
      if (index < 0) return;
      event.preventDefault();
      const next =
        event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? list.length - 1
            : (index + (event.key === 'ArrowRight' ? 1 : -1) + list.length) % list.length;
      list[next]?.focus();
    };
    sync();
    // A control that becomes disabled (a zoom button at its limit) hands its Tab stop on.
    const observer = new MutationObserver(sync);
    observer.observe(toolbar, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    toolbar.addEventListener('focusin', onFocusIn);
    toolbar.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      toolbar.removeEventListener('focusin', onFocusIn);
      toolbar.removeEventListener('keydown', onKeyDown);
    };
  }, [ref]);
}
