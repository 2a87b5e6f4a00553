/**
 * Child process of the SIGKILL test: opens a paper session on the given data directory against
 * the parent's fake exchange, trades, prints `STATE <json>` once every answer was committed, then
 * waits to be killed (it never closes the store: the kill is the only ending).
 */
import { observable, openSession, trade } from './script';

const [dataDir, wsUrl, restUrl] = process.argv.slice(2);
if (!dataDir || !wsUrl || !restUrl) throw new Error('usage: paper-child <dataDir> <wsUrl> <restUrl>');
const session = await openSession(dataDir, { wsUrl, restUrl });
const agentId = await trade(session.venue);
process.stdout.write(
  `STATE ${JSON.stringify({ agentId, state: await observable(session.venue, agentId) })}\n`,
);
setInterval(() => {}, 1000);
