/**
 * Headless entry point (`npm run serve`): the same services as the desktop app, with the built
 * renderer served on 127.0.0.1 and the contract carried over a WebSocket. Never imports electron.
 * Prints machine-readable lines once listening: `DEPTHLINE_URL <url>`, then
 * `DEPTHLINE_GATEWAY <ws url>` for the agents' gateway (omitted if the gateway could not start;
 * the reason is logged and shown in the UI).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boot } from '../app/boot';
import { composeApp, composeOptions } from '../app/compose';
import { startHost } from './http-server';
import { newSessionToken } from './session-token';

async function main(): Promise<void> {
  const booted = boot({ runtime: 'headless', argv: process.argv.slice(2) });
  if (!booted.ok) {
    process.stderr.write(`depthline: ${booted.error.message}\n`);
    process.exit(2);
  }
  const { cli } = booted.value;
  const here = dirname(fileURLToPath(import.meta.url));
  // The store writer thread is built next to this file (out/main/store-writer.js).
  const env = { ...booted.value.env, storeWorker: { file: join(here, 'store-writer.js') } };
  const app = composeApp(env, composeOptions(cli));
  const gateway = app.startGateway();
  const host = await startHost({
    port: cli.port ?? env.settings.host.port,
    rendererDir: join(here, '..', 'renderer'),
    token: newSessionToken(),
    server: app.server,
    log: env.log.child({ component: 'host' }),
    timers: env.timers,
  });
  process.stdout.write(`DEPTHLINE_URL ${host.url}\n`);
  const running = await gateway;
  if (running) process.stdout.write(`DEPTHLINE_GATEWAY ${running.url}\n`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    env.log.info('shutting down', { signal });
    void host
      .close()
      .then(() => app.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((cause: unknown) => {
  process.stderr.write(`depthline: failed to start: ${String(cause)}\n`);
  process.exit(1);
});
