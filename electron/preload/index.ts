// The preload bridge: exposes the typed API of electron/contract only (filled in by the shell issue).
export {};
