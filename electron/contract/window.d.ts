import type { CompassWire } from './api';

declare global {
  interface Window {
    /** The preload bridge in the desktop app; absent in a browser (the web host's client is used there). */
    compass?: CompassWire;
  }
}

export {};
