/**
 * Paper state survives a restart: accounts, balances, open paper orders, pending trigger orders
 * and bracket legs come back from the ledger exactly, after a clean stop and after SIGKILL, and
 * the restored orders go on trading (a print fills the restored bid, a print fires the restored
 * stop). The ledger stays double-entry: balances rebuilt by SQL alone conserve every asset.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadonly } from '../../../src-main/store/db';
import { LEDGER_FILE } from '../../../src-main/store/open-store';
import { conservationResidual, readBalances } from '../../../src-main/store/read/balances';
import { waitFor } from '../../support/fake-venues/server';
import { ScriptedBinance, SYMBOL } from '../../support/scripted-binance';
import { resolve } from '../../support/paper';
import { observable, openSession, trade } from './restart/script';

const ROOT = resolvePath(import.meta.dirname, '../../..');

describe('paper state survives a restart', () => {
  let exchange: ScriptedBinance;
  let dataDir: string;

  beforeEach(async () => {
    exchange = await ScriptedBinance.start();
    exchange.setBook(
      [
        [10_000, 1_000],
        [9_990, 2_000],
      ],
      [
        [10_010, 1_500],
        [10_020, 2_500],
      ],
    );
    dataDir = mkdtempSync(join(tmpdir(), 'depthline-paper-'));
  });
  afterEach(() => exchange.stop());

  const urls = () => ({ wsUrl: exchange.server.wsUrl('/stream'), restUrl: exchange.server.httpUrl });

  it('after a clean stop: the same balances, open orders and triggers, still trading', async () => {
    const first = await openSession(dataDir, urls());
    const agentId = await trade(first.venue);
    const before = await observable(first.venue, agentId);
    await first.stop();

    const second = await openSession(dataDir, urls());
    expect(await observable(second.venue, agentId)).toBe(before);
    const open = await resolve(second.venue.openOrders(agentId));
    expect(open.find((o) => o.price === '999.5')).toMatchObject({ queue: { ahead: '0', confidence: 'low' } });
    // The restored bid at 999.5 fills from a print through it; the restored stop fires at 995.
    const events: string[] = [];
    second.venue.onEvent(
      (e) => e.kind === 'order_filled' && events.push(`${e.fill.price}x${e.fill.quantity}`),
    );
    exchange.trade(9_990, 1_500, 'sell');
    await waitFor(() => events.includes('999.5x1.5'), 3000, 'the restored bid to fill');
    exchange.trade(9_950, 10, 'sell');
    await waitFor(
      () => events.some((e) => e.startsWith('1000x1')),
      3000,
      'the restored stop to fire and sell at the bid',
    );
    // New orders continue the id sequence.
    const next = await resolve(
      second.venue.placeOrder({
        agentId,
        symbol: SYMBOL,
        side: 'buy',
        orderType: 'limit',
        price: '900' as never,
        quantity: '0.1' as never,
        timeInForce: 'GTC',
      }),
    );
    expect(Number(next.orderId)).toBeGreaterThan(Math.max(...open.map((o) => Number(o.orderId))));
    await second.stop();
    ledgerConserves(dataDir);
  });

  it('after SIGKILL: everything acknowledged is there', async () => {
    const child = resolvePath(import.meta.dirname, 'restart/paper-child.ts');
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, urls().wsUrl, urls().restUrl], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const line = await waitFor(() => /^STATE (.*)$/m.exec(out)?.[1], 30_000, 'the child to report its state');
    const { agentId, state } = JSON.parse(line) as { agentId: string; state: string };
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;

    const session = await openSession(dataDir, urls());
    expect(await observable(session.venue, agentId)).toBe(state);
    await session.stop();
    ledgerConserves(dataDir);
  }, 60_000);
});

function ledgerConserves(dataDir: string): void {
  const db = openReadonly({ file: join(dataDir, LEDGER_FILE), role: 'ledger' });
  try {
    const balances = readBalances(db, 'paper:binance');
    for (const [asset, residual] of conservationResidual(balances))
      expect(`${asset} ${residual}`).toBe(`${asset} 0`);
    expect(balances.accounts.get('paper-1')?.get('USDT')).toBeDefined();
  } finally {
    db.close();
  }
}
