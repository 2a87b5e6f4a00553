/**
 * Bench bots for bench/gateway.bench.ts, run in a worker thread so they do not share the
 * gateway's event loop. Each bot registers, then sends orders that never cross (far below the
 * market, so the book stays small and the figures measure the gateway, not book depth):
 * `flow: 'ioc'` sends IOC limit buys (one request per order, canceled by the venue at once);
 * `flow: 'rest'` places a GTC buy and cancels it once acknowledged (two requests per order).
 * `mode: 'max'` keeps `window` orders in flight per bot; `paced` sends `ratePerBot` orders per
 * second per bot. Reports counts and every ack latency (ms) to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { url, token, bots, mode, flow, durationMs, window, ratePerBot } = workerData;

function connect(index) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    const bot = {
      ws,
      index,
      pending: new Map(),
      nextReq: 1,
      sentOrders: 0,
      ackedOrders: 0,
      sentCancels: 0,
      ackedCancels: 0,
      errors: 0,
    };
    ws.on('message', (data) => onMessage(bot, JSON.parse(data.toString('utf8'))));
    ws.once('open', () => resolve(bot));
    ws.once('error', reject);
    ws.on('close', (code) => {
      if (!stopping) bot.closedWith = code;
    });
  });
}

const latencies = [];
let stopping = false;

function send(bot, message, onReply) {
  const reqId = bot.nextReq++;
  bot.pending.set(reqId, { at: performance.now(), onReply });
  bot.ws.send(JSON.stringify({ ...message, req_id: reqId }));
}

function onMessage(bot, msg) {
  if (typeof msg.req_id !== 'number') return;
  const entry = bot.pending.get(msg.req_id);
  if (!entry) return;
  bot.pending.delete(msg.req_id);
  latencies.push(performance.now() - entry.at);
  if (msg.type === 'error') bot.errors++;
  entry.onReply(msg);
}

function placeAndCancel(bot, done) {
  // Far below the market, on the grid, different per bot: never crosses anything.
  const price = `${50 + (bot.index % 40)}.${String(bot.sentOrders % 100).padStart(2, '0')}`;
  bot.sentOrders++;
  const tif = flow === 'ioc' ? 'IOC' : 'GTC';
  const order = {
    type: 'add_order',
    symbol_id: 'BTC-USD',
    side: 'buy',
    price,
    quantity: '0.001',
    time_in_force: tif,
  };
  send(bot, order, (reply) => {
    if (reply.type !== 'order_response') return done();
    bot.ackedOrders++;
    if (flow === 'ioc') return done();
    bot.sentCancels++;
    send(bot, { type: 'cancel_order', symbol_id: 'BTC-USD', orderId: reply.order_id }, (c) => {
      if (c.type === 'cancel_response') bot.ackedCancels++;
      done();
    });
  });
}

const all = await Promise.all(Array.from({ length: bots }, (_, i) => connect(i)));
await Promise.all(
  all.map(
    (bot) =>
      new Promise((resolve) =>
        send(
          bot,
          { type: 'agent_register', name: `bench-${bot.index}`, starting_capital: '1000000000' },
          resolve,
        ),
      ),
  ),
);
latencies.length = 0;
const started = performance.now();
const deadline = started + durationMs;

if (mode === 'max') {
  for (const bot of all) {
    const loop = () => {
      if (stopping || performance.now() > deadline) return;
      placeAndCancel(bot, loop);
    };
    for (let i = 0; i < window; i++) loop();
  }
} else {
  // Open loop: every millisecond, send what the elapsed time says is owed (timers drift).
  let owed = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now > deadline) return clearInterval(timer);
    owed += (ratePerBot * (now - last)) / 1000;
    last = now;
    const due = Math.floor(owed);
    owed -= due;
    for (const bot of all) for (let i = 0; i < due; i++) placeAndCancel(bot, () => {});
  }, 1);
}

await new Promise((r) => setTimeout(r, durationMs));
const elapsed = (performance.now() - started) / 1000;
const ordersInWindow = all.reduce((n, b) => n + b.ackedOrders, 0);
// Let in-flight requests finish, then count what never got an answer.
const drainUntil = performance.now() + 3000;
while (all.some((b) => b.pending.size > 0) && performance.now() < drainUntil)
  await new Promise((r) => setTimeout(r, 20));
stopping = true;
const sum = (key) => all.reduce((n, b) => n + b[key], 0);
parentPort.postMessage({
  elapsed,
  ordersInWindow,
  sentOrders: sum('sentOrders'),
  ackedOrders: sum('ackedOrders'),
  sentCancels: sum('sentCancels'),
  ackedCancels: sum('ackedCancels'),
  errors: sum('errors'),
  unanswered: all.reduce((n, b) => n + b.pending.size, 0),
  closed: all.filter((b) => b.closedWith !== undefined).map((b) => b.closedWith),
  latencies: Float64Array.from(latencies),
});
for (const bot of all) bot.ws.close();
