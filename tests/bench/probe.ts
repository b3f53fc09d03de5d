/**
 * The in-page measuring script, injected before any page script (page.addInitScript) into our
 * timeline and the library pages alike. A MutationObserver on the whole document notes every DOM
 * change; after each one a double requestAnimationFrame records when the frame holding it has been
 * painted (`paintedAt`), and a message posted from the first rAF records when that frame's style,
 * layout and paint were done (`frameDoneAt`, without the wait for the next frame's vsync).
 * `waitPainted` resolves once the DOM has been quiet for `quietMs`, with both times for the last
 * change: "the first painted frame after the DOM stops changing".
 *
 * Plain JavaScript in a string: functions compiled by tsx cannot be serialised into the page
 * safely (they may call esbuild's `__name`, which the probe therefore defines).
 */
export const PROBE_SOURCE = String.raw`
(() => {
  // Callbacks that tsx compiled for page.evaluate may call esbuild's __name helper.
  if (!window.__name) window.__name = (fn) => fn;
  if (window.__bench) return;
  const state = { seq: 0, lastChange: 0, settledSeq: -1, settledAt: 0, frameDoneSeq: -1, frameDoneAt: 0, scrollAt: 0, inFrame: false };
  const frameDone = (seq) => {
    // A task posted during a frame's rAF phase runs once that frame's style, layout and paint are done.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (state.seq === seq) {
        state.frameDoneSeq = seq;
        state.frameDoneAt = performance.now();
      }
    };
    channel.port2.postMessage(0);
  };
  const painted = (seq) => {
    if (state.seq === seq) {
      state.settledSeq = seq;
      state.settledAt = performance.now();
    }
  };
  const change = () => {
    state.seq += 1;
    const seq = state.seq;
    state.lastChange = performance.now();
    if (state.inFrame) {
      // Changed inside a rAF callback: this very frame paints it; the next rAF comes after that paint.
      frameDone(seq);
      requestAnimationFrame(() => painted(seq));
    } else {
      requestAnimationFrame(() => {
        frameDone(seq);
        requestAnimationFrame(() => painted(seq));
      });
    }
  };
  document.addEventListener('scroll', () => { if (!state.scrollAt) state.scrollAt = performance.now(); }, { capture: true, passive: true });
  new MutationObserver((records) => {
    const t = records[records.length - 1].target;
    const el = t.nodeType === 1 ? t : t.parentElement;
    state.lastTarget = el ? el.tagName + '.' + String(el.className).slice(0, 40) : '?';
    change();
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  const markTime = (name) => {
    const entries = performance.getEntriesByName(name, 'mark');
    return entries.length ? entries[0].startTime : null;
  };
  window.__bench = {
    state,
    markTime,
    marks: (name) => performance.getEntriesByName(name, 'mark').map((e) => e.startTime),
    /**
     * opts: { mark?: name that must exist first, ready?: CSS selector that must match,
     *         kick?: start a frame chain now (for actions that may change nothing),
     *         quietMs, timeoutMs }
     * resolves { paintedAt, mark, changes }.
     */
    waitPainted(opts) {
      const quietMs = opts.quietMs ?? 300;
      const timeoutMs = opts.timeoutMs ?? 120000;
      const startedAt = performance.now();
      const seq0 = state.seq;
      if (opts.kick) change();
      return new Promise((resolve, reject) => {
        const poll = () => {
          const now = performance.now();
          if (window.__benchError) return reject(new Error('page error: ' + window.__benchError));
          const mark = opts.mark ? markTime(opts.mark) : 0;
          const ready = !opts.ready || document.querySelector(opts.ready) !== null;
          if (
            mark !== null &&
            ready &&
            state.settledSeq === state.seq &&
            state.frameDoneSeq === state.seq &&
            state.settledAt >= (mark ?? 0) &&
            now - state.lastChange >= quietMs
          ) {
            return resolve({
              paintedAt: state.settledAt,
              frameDoneAt: state.frameDoneAt,
              mark,
              changes: state.seq - seq0,
            });
          }
          if (now - startedAt > timeoutMs) {
            const why = JSON.stringify({ mark, ready, ...state, now, target: state.lastTarget });
            return reject(new Error('timed out waiting for a painted frame: ' + why));
          }
          setTimeout(poll, 20);
        };
        poll();
      });
    },
    /**
     * Runs action() at the start of a frame (in a rAF callback, so that frame paints what it
     * changes) and resolves with that start time; resets the scroll-event time first. Follow it
     * with waitPainted({ kick: false }).
     */
    atFrameStart(action) {
      state.scrollAt = 0;
      return new Promise((resolve) =>
        requestAnimationFrame(() => {
          state.inFrame = true;
          const start = performance.now();
          action();
          change(); // closes the frame even when the action changed nothing
          // Queued after the MutationObserver's own microtask, so its records still count as in-frame.
          queueMicrotask(() => {
            state.inFrame = false;
          });
          resolve(start);
        }),
      );
    },
    /** Two frames on an idle page: what the double-rAF closing itself costs. */
    idleFrames() {
      const t0 = performance.now();
      return new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))),
      );
    },
  };
})();
`;
