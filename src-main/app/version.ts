/** The app version, injected at build time by electron.vite.config.ts; "dev" when run from source. */
declare const __DEPTHLINE_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __DEPTHLINE_VERSION__ === 'string' ? __DEPTHLINE_VERSION__ : '0.0.0-dev';
