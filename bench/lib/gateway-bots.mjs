/**
 * Bench bots for bench/gateway.bench.ts, run in a child process (forked) so they share neither
 * the gateway's event loop nor its memory figures. Each bot registers, then sends orders that
 * never cross (far below the market, so the book stays small and the figures measure the order
 * path, not book depth): `flow: 'ioc'` sends IOC limit buys (one request per order, canceled by
 * the venue at once); `flow: 'rest'` places a GTC buy and cancels it once acknowledged (two
 * requests per order). `mode: 'max'` keeps `window` orders in flight per bot; `paced` sends
 * `ratePerBot` orders per second per bot. The load starts `warmupMs` before the measured window
 * (a fresh process runs unoptimized code at first); latencies and the window's order count are of
 * requests sent inside the window, while the totals (and so the invariant checks) count every
 * order. Reports counts, every ack latency (ms), and how acks match the venue's pushes: every
 * acknowledged order id must be unique and must also arrive as `order_placed` (once), and every
 * `order_placed` must have been acknowledged.
 */
import WebSocket from 'ws';

const config = await new Promise((resolve) => process.once('message', resolve));
const { url, token, bots, mode, flow, durationMs, warmupMs, window, ratePerBot, capital, namePrefix } =
  config;

function connect(index) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    const bot = {
      ws,
      index,
      agentId: null,
      pending: new Map(),
      nextReq: 1,
      sentOrders: 0,
      ackedOrders: 0,
      sentCancels: 0,
      ackedCancels: 0,
      errors: 0,
      errorCodes: {},
      /** Every acknowledged order id (duplicates are counted). */
      acked: new Set(),
      /** Acknowledged ids whose order_placed has not arrived yet, and the reverse. */
      ackedOnly: new Set(),
      placedOnly: new Set(),
      duplicateAcks: 0,
      duplicatePlaced: 0,
      corked: false,
    };
    ws.on('message', (data) => onText(bot, data.toString('utf8')));
    ws.once('open', () => resolve(bot));
    ws.once('error', reject);
    ws.on('close', (code) => {
      if (!stopping) bot.closedWith = code;
    });
  });
}

const latencies = [];
let stopping = false;
/** Requests sent before this (during the warm-up) are not in the latencies. */
let windowStart = Infinity;

/**
 * Sends a request: `head` is its JSON text without the closing brace (the bots write their
 * orders as text directly rather than building and stringifying an object per order).
 */
function send(bot, head, onReply) {
  const reqId = bot.nextReq++;
  bot.pending.set(reqId, { at: performance.now(), onReply });
  // Every frame a bot sends in one turn (the orders that answers arriving in one read released,
  // or one pacing tick's orders) leaves in one write, as the server does with its own: otherwise
  // each frame is a system call of its own, which dominated the bots' profile.
  if (!bot.corked) {
    bot.corked = true;
    bot.ws._socket.cork();
    process.nextTick(uncork, bot);
  }
  bot.ws.send(`${head},"req_id":${reqId}}`);
}

/** A request's text without its closing brace. */
const head = (message) => JSON.stringify(message).slice(0, -1);

function uncork(bot) {
  bot.corked = false;
  bot.ws._socket.uncork();
}

const TYPE_AT = '{"type":"'.length;
const ID_AT = '"order_id":"'.length;
/** Pushes that never answer a request: nothing in them to match (order_placed is matched below). */
const PUSHES = new Set(['order_canceled', 'order_filled', 'trade', 'orderbooks', 'agents_snapshot', 'news']);

/**
 * The bots are the load generator, not the system under test: they read only what they need, so
 * more of the machine is left to the server. Every message's `type` is read from its start (the
 * server's builders put it first, `order_id` right after it); `order_placed` gives its id, and an
 * `order_response` its id and its `req_id` (its last field); anything else that may answer a
 * request, and any message not laid out as expected, is parsed in full.
 */
function onText(bot, text) {
  const typeEnd = text.startsWith('{"type":"') ? text.indexOf('"', TYPE_AT) : -1;
  const type = typeEnd < 0 ? '' : text.slice(TYPE_AT, typeEnd);
  if (type === 'order_placed') {
    const at = typeEnd + 2 + ID_AT;
    const id = hasIdNext(text, typeEnd) ? text.slice(at, text.indexOf('"', at)) : JSON.parse(text).order_id;
    return void placed(bot, idKey(id));
  }
  if (type === 'order_response') {
    const reply = quickResponse(text, typeEnd);
    if (reply !== null) return onAnswer(bot, reply);
  }
  if (PUSHES.has(type)) return;
  if (!text.includes('"req_id":')) return;
  onAnswer(bot, JSON.parse(text));
}

/** Whether `"order_id":"` follows the type, as the server's builders write it. */
const hasIdNext = (text, typeEnd) => text.startsWith('","order_id":"', typeEnd);

/**
 * An order id as a Set key: a plain integer id as a number (the process keeps hundreds of
 * thousands of them per run; numbers cost no string object each), anything else as it is.
 */
function idKey(id) {
  const n = Number(id);
  return typeof id === 'string' && Number.isSafeInteger(n) && String(n) === id ? n : id;
}

/** An order_placed: matches its acknowledgement, or waits for it (a second one never matches). */
function placed(bot, id) {
  if (bot.ackedOnly.delete(id)) return;
  if (bot.acked.has(id) || bot.placedOnly.has(id)) bot.duplicatePlaced++;
  else bot.placedOnly.add(id);
}

/** `{ type, order_id, req_id }` of an order_response laid out as the server writes it, else null. */
function quickResponse(text, typeEnd) {
  if (!hasIdNext(text, typeEnd) || !text.endsWith('}')) return null;
  const at = typeEnd + 2 + ID_AT;
  const idEnd = text.indexOf('"', at);
  const reqAt = text.lastIndexOf(',"req_id":');
  if (idEnd < 0 || reqAt < idEnd) return null;
  const reqText = text.slice(reqAt + ',"req_id":'.length, -1);
  if (!/^[0-9]{1,15}$/.test(reqText)) return null;
  return { type: 'order_response', order_id: text.slice(at, idEnd), req_id: Number(reqText) };
}

function onAnswer(bot, msg) {
  if (typeof msg.req_id !== 'number') return;
  const entry = bot.pending.get(msg.req_id);
  if (!entry) return;
  bot.pending.delete(msg.req_id);
  if (entry.at >= windowStart) latencies.push(performance.now() - entry.at);
  if (msg.type === 'error') {
    bot.errors++;
    bot.errorCodes[msg.code] = (bot.errorCodes[msg.code] ?? 0) + 1;
  }
  if (msg.type === 'order_response') {
    const id = idKey(msg.order_id);
    if (bot.acked.has(id)) bot.duplicateAcks++;
    else {
      bot.acked.add(id);
      if (!bot.placedOnly.delete(id)) bot.ackedOnly.add(id);
    }
  }
  entry.onReply(msg);
}

const TIF = flow === 'ioc' ? 'IOC' : 'GTC';

function placeAndCancel(bot, done) {
  // Far below the market, on the grid, different per bot: never crosses anything.
  const price = `${50 + (bot.index % 40)}.${String(bot.sentOrders % 100).padStart(2, '0')}`;
  bot.sentOrders++;
  const order =
    '{"type":"add_order","symbol_id":"BTC-USD","side":"buy",' +
    `"price":"${price}","quantity":"0.001","time_in_force":"${TIF}"`;
  send(bot, order, (reply) => {
    if (reply.type !== 'order_response') return done();
    bot.ackedOrders++;
    if (flow === 'ioc') return done();
    bot.sentCancels++;
    send(bot, head({ type: 'cancel_order', symbol_id: 'BTC-USD', orderId: reply.order_id }), (c) => {
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
          head({ type: 'agent_register', name: `${namePrefix}-${bot.index}`, starting_capital: capital }),
          (reply) => {
            if (reply.type !== 'agent_registered') throw new Error(`register: ${JSON.stringify(reply)}`);
            bot.agentId = reply.agent_id;
            resolve();
          },
        ),
      ),
  ),
);
// A freshly forked bot process runs cold (unoptimized code) for its first few hundred ms: the
// load runs `warmupMs` before the measured window, which starts with the server's CPU sample.
const firstSend = performance.now();
const deadline = firstSend + warmupMs + durationMs;

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

await new Promise((r) => setTimeout(r, warmupMs));
const ackedBefore = all.reduce((n, b) => n + b.ackedOrders, 0);
latencies.length = 0;
windowStart = performance.now();
process.send({ t: 'started' });
const started = performance.now();
const cpuStart = process.cpuUsage();

await new Promise((r) => setTimeout(r, Math.max(0, deadline - performance.now())));
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const botCpuShare = (cpu.user + cpu.system) / 1e6 / elapsed;
process.send({ t: 'window_end' });
const ordersInWindow = all.reduce((n, b) => n + b.ackedOrders, 0) - ackedBefore;
// Let in-flight requests finish and pushed events arrive, then count what never got an answer.
const unmatched = (b) => b.ackedOnly.size + b.placedOnly.size + b.duplicatePlaced;
// Generous: on an overloaded machine a durable venue can be seconds behind an open-loop sender;
// late is not lost (the latencies say how late). What is still missing after this is lost.
const drainUntil = performance.now() + 60_000;
while (all.some((b) => b.pending.size > 0 || unmatched(b) > 0) && performance.now() < drainUntil)
  await new Promise((r) => setTimeout(r, 20));
stopping = true;
const sum = (key) => all.reduce((n, b) => n + b[key], 0);
const errorCodes = {};
for (const b of all)
  for (const [code, n] of Object.entries(b.errorCodes)) errorCodes[code] = (errorCodes[code] ?? 0) + n;
const report = {
  t: 'report',
  elapsed,
  ordersInWindow,
  botCpuShare,
  sentOrders: sum('sentOrders'),
  ackedOrders: sum('ackedOrders'),
  ackedByAgent: Object.fromEntries(all.map((b) => [b.agentId, b.ackedOrders])),
  sentCancels: sum('sentCancels'),
  ackedCancels: sum('ackedCancels'),
  errors: sum('errors'),
  errorCodes,
  duplicateAcks: sum('duplicateAcks'),
  unmatchedAcks: all.reduce((n, b) => n + unmatched(b), 0),
  unanswered: all.reduce((n, b) => n + b.pending.size, 0),
  closed: all.filter((b) => b.closedWith !== undefined).map((b) => b.closedWith),
  latencies: Float64Array.from(latencies),
};
for (const bot of all) bot.ws.close();
// Disconnect only once the report is out: a large message is still being written otherwise.
process.send(report, () => process.disconnect());
