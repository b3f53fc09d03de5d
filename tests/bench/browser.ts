/**
 * Measurement plumbing for headless Chromium (Debian's /usr/bin/chromium through playwright-core):
 * one fresh browser context per sample, the probe injected before any page script, CDP for the
 * forced GC, the JS heap and the DOM counters.
 */
import { chromium, type Browser, type BrowserContext, type ElementHandle, type Page } from 'playwright-core';
import { PROBE_SOURCE } from './probe';

export const CHROMIUM = '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Headless Chromium draws at 60 Hz whatever the flags (--disable-frame-rate-limit has no effect in
 * the new headless mode), so a double rAF is quantised to frames. Zoom and scroll are therefore
 * started at the beginning of a frame and end when the frame holding the last DOM change has been
 * styled, laid out and painted (a message posted from its rAF): "time to the next painted frame"
 * without the wait for the following vsync. Render and navigation end at the double rAF the issue
 * asks for; its idle cost is measured and reported.
 * Outside hosts resolve to nothing (SVAR's theme asks a CDN for fonts): no run waits on the network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface PaintedFrame {
  paintedAt: number;
  frameDoneAt: number;
  mark: number;
  changes: number;
}

export interface LoadSample {
  /** From the 'gantt-render-start' mark to the first painted frame after the DOM settled. */
  renderMs: number;
  /** From navigation start (performance.timeOrigin) to that frame. */
  navigationMs: number;
  /** Element count (document.getElementsByTagName('*')) after first render. */
  domElements: number;
  /** All DOM nodes of the page (CDP Memory.getDOMCounters, text nodes included) after GC. */
  domNodes: number;
  /** JS heap in use after a forced GC (CDP Runtime.getHeapUsage), bytes. */
  heapBytes: number;
  /** From a zoom started at a frame's start to the end of the frame painting the last change. */
  zoomMs: number | null;
  /** The same zoom closed by a double rAF instead. */
  zoomDoubleRafMs: number | null;
  /** From the scroll event to the end of the frame painting the last change (rows drawn). */
  scrollMs: number | null;
  /** The same, from setting scrollTop at a frame's start and closed by a double rAF. */
  scrollDoubleRafMs: number | null;
  /** Median of the next STEADY_SCROLLS one-screen scrolls (code warmed up by the first). */
  scrollSteadyMs: number | null;
  /** How many 'gantt-render-start' marks the page made (>1: the component rendered again). */
  renderMarks: number;
  /** Time from the mark our app sets itself at zoom (if any) to the painted frame. */
  appZoomMarkMs?: number | null;
}

export interface PageSpec {
  url: string;
  /** CSS selector that matches once rows are drawn. */
  ready: string;
  /** A zoom change: click the element found (our zoom buttons) or call the page's window.__benchZoom(). */
  zoom?: 'page-function' | ((page: Page) => Promise<ElementHandle<Element>>);
  /** CSS selector of the scroll container to scroll by one screen, if measured. */
  scroll?: string;
  timeoutMs?: number;
}

const QUIET_MS = 300;
/** One-screen scrolls after the first, for the steady figure. */
const STEADY_SCROLLS = 5;

async function waitPainted(page: Page, opts: Record<string, unknown>): Promise<PaintedFrame> {
  return page.evaluate((o) => {
    const bench = (window as unknown as { __bench: { waitPainted(x: unknown): Promise<PaintedFrame> } })
      .__bench;
    return bench.waitPainted(o);
  }, opts);
}

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  await context.addInitScript({ content: PROBE_SOURCE });
  return context;
}

type Bench = {
  waitPainted(x: unknown): Promise<PaintedFrame>;
  atFrameStart(action: () => void): Promise<number>;
};

/** On a blank page: a no-op started at a frame's start, closed both ways (the floor under every figure). */
export async function idleFrames(browser: Browser): Promise<{ doubleRafMs: number; frameDoneMs: number }> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.setContent('<p>idle</p>');
  const samples: { doubleRafMs: number; frameDoneMs: number }[] = [];
  for (let i = 0; i < 7; i += 1) {
    samples.push(
      await page.evaluate(async () => {
        const bench = (window as unknown as { __bench: Bench }).__bench;
        const start = await bench.atFrameStart(() => undefined);
        const painted = await bench.waitPainted({ quietMs: 50 });
        return { doubleRafMs: painted.paintedAt - start, frameDoneMs: painted.frameDoneAt - start };
      }),
    );
  }
  await context.close();
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return {
    doubleRafMs: mid(samples.map((x) => x.doubleRafMs)),
    frameDoneMs: mid(samples.map((x) => x.frameDoneMs)),
  };
}

/** One cold load of a page in a fresh context: render, navigation, DOM, heap, zoom, scroll. */
export async function measureLoad(browser: Browser, spec: PageSpec): Promise<LoadSample> {
  const timeoutMs = spec.timeoutMs ?? 180_000;
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const cdp = await context.newCDPSession(page);
    await page.goto(spec.url, { waitUntil: 'commit', timeout: timeoutMs });
    let first: PaintedFrame;
    try {
      first = await waitPainted(page, {
        mark: 'gantt-render-start',
        ready: spec.ready,
        quietMs: QUIET_MS,
        timeoutMs,
      });
    } catch (error) {
      throw new Error(
        `${(error as Error).message}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`,
        { cause: error },
      );
    }
    const renderMarks = await page.evaluate(
      () => performance.getEntriesByName('gantt-render-start', 'mark').length,
    );
    const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters');
    await cdp.send('HeapProfiler.disable');

    let zoomMs: number | null = null;
    let zoomDoubleRafMs: number | null = null;
    let appZoomMarkMs: number | null = null;
    if (spec.zoom) {
      const target = spec.zoom === 'page-function' ? null : await spec.zoom(page);
      const result = await page.evaluate(
        async ({ el, quietMs, timeoutMs: limit }) => {
          const w = window as unknown as { __bench: Bench; __benchZoom?: () => void };
          performance.clearMarks('gantt-zoom-start');
          const start = await w.__bench.atFrameStart(() => {
            if (el) (el as HTMLElement).click();
            else w.__benchZoom?.();
          });
          const painted = await w.__bench.waitPainted({ quietMs, timeoutMs: limit });
          const appMark = performance.getEntriesByName('gantt-zoom-start', 'mark')[0]?.startTime;
          return {
            ms: painted.frameDoneAt - start,
            doubleRafMs: painted.paintedAt - start,
            appMs: appMark === undefined ? null : painted.frameDoneAt - appMark,
          };
        },
        { el: target, quietMs: QUIET_MS, timeoutMs },
      );
      zoomMs = result.ms;
      zoomDoubleRafMs = result.doubleRafMs;
      appZoomMarkMs = result.appMs;
    }

    let scrollMs: number | null = null;
    let scrollDoubleRafMs: number | null = null;
    let scrollSteadyMs: number | null = null;
    if (spec.scroll) {
      const scroller = await page.$(spec.scroll);
      if (scroller) {
        const scrolls = await scroller.evaluate(
          async (el, { quietMs, count }) => {
            const w = window as unknown as { __bench: Bench & { state: { scrollAt: number } } };
            const out: { ms: number | null; doubleRafMs: number }[] = [];
            for (let i = 0; i < count; i += 1) {
              const start = await w.__bench.atFrameStart(() => {
                el.scrollTop += el.clientHeight;
              });
              const painted = await w.__bench.waitPainted({ quietMs, timeoutMs: 30_000 });
              const scrollAt = w.__bench.state.scrollAt;
              out.push({
                ms: scrollAt ? painted.frameDoneAt - scrollAt : null,
                doubleRafMs: painted.paintedAt - start,
              });
            }
            return out;
          },
          { quietMs: QUIET_MS, count: 1 + STEADY_SCROLLS },
        );
        scrollMs = scrolls[0]?.ms ?? null;
        scrollDoubleRafMs = scrolls[0]?.doubleRafMs ?? null;
        const later = scrolls
          .slice(1)
          .map((x) => x.ms)
          .filter((x): x is number => x !== null)
          .sort((a, b) => a - b);
        scrollSteadyMs = later.length ? (later[Math.floor(later.length / 2)] as number) : null;
      }
    }
    if (errors.length) console.error(`  page errors on ${spec.url}: ${errors.join(' | ')}`);
    return {
      renderMs: first.paintedAt - first.mark,
      navigationMs: first.paintedAt,
      domElements,
      domNodes: counters.nodes,
      heapBytes: heap.usedSize,
      zoomMs,
      zoomDoubleRafMs,
      scrollMs,
      scrollDoubleRafMs,
      scrollSteadyMs,
      renderMarks,
      appZoomMarkMs,
    };
  } finally {
    await context.close();
  }
}
