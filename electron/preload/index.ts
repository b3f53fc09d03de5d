/**
 * The preload bridge (sandboxed, CommonJS): exposes window.compass, the contract's typed API, and
 * nothing else: no ipcRenderer, no Node. Every call goes to main on one channel and is validated there.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../contract/wire';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/wire';
import { createBridge } from '../contract/bridge';

const api = createBridge({
  invoke: (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<ApiResult<unknown>>,
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('compass', api);
