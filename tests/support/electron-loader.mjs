/**
 * A Node loader hook (registered with module.register) for the shell's start-up test: the
 * `electron` module, wherever it is imported from (the built main process, electron-store), is the
 * recording stand-in in fake-electron.mjs. Nothing else is changed.
 */
const FAKE = new URL('./fake-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: FAKE, shortCircuit: true };
  return nextResolve(specifier, context);
}
