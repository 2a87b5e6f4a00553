/**
 * The crash-test session (a child process the parent kills with SIGKILL): the simulated venue on
 * a SQLite journal in `argv[2]`, its agents running on real timers at high speed, plus "you"
 * placing and canceling orders through the durable port. Every 25 ms it notes the journal's last
 * sequence number and the engine's state hash at that instant, waits until everything up to then
 * is committed, and prints `ACK <seq> <hash>`: the parent may rely on exactly that state.
 */
import { nodeTimers, systemClock } from '../../../../src-main/app/node-ports';
import { SettingsSchema } from '../../../../src-main/config/settings';
import { silentLogger } from '../../../../src-main/core/ports';
import { SimRuntime } from '../../../../src-main/sim/runtime';
import type { DecimalString } from '../../../../src-shared/domain';
import { SOURCE_WORKER } from '../../../support/store-worker';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: sim-child <dataDir>');
const settings = SettingsSchema.parse({ sim: { speed: 4, news: { meanIntervalSec: 2 } } }).sim;
const sim = new SimRuntime({
  settings,
  persistence: { kind: 'sqlite', dataDir, worker: SOURCE_WORKER },
  clock: systemClock,
  timers: nodeTimers,
  log: silentLogger,
});
await sim.start();
if (!sim.venue.available) throw new Error(`sim did not start: ${sim.venue.state.reason}`);
process.stdout.write('READY\n');

const d = (s: string) => s as DecimalString;
let flip = false;
setInterval(() => {
  flip = !flip;
  const you = sim.userAgentId;
  void Promise.resolve(
    sim.port.placeOrder({
      agentId: you,
      symbol: 'ETH-USD',
      side: flip ? 'buy' : 'sell',
      orderType: 'market',
      quantity: d('0.01'),
      timeInForce: 'IOC',
    }),
  );
  void Promise.resolve(
    sim.port.placeOrder({
      agentId: you,
      symbol: 'SOL-USD',
      side: 'buy',
      orderType: 'limit',
      price: d('1'),
      quantity: d('1'),
      timeInForce: 'GTC',
    }),
  );
  const open = sim.venue.openOrders(you);
  if (open.ok && open.value.length > 5) {
    void Promise.resolve(
      sim.port.cancelOrder({ agentId: you, symbol: 'SOL-USD', orderId: open.value[0]!.orderId }),
    );
  }
}, 15);

setInterval(() => {
  const seq = sim.pipeline.lastSeq;
  const hash = sim.engine.stateHash();
  void sim.journal.whenCommitted(sim.journal.lastTicket).then((r) => {
    if (r.ok) process.stdout.write(`ACK ${seq} ${hash}\n`);
  });
}, 25);
