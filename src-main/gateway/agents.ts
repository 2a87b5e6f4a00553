/**
 * Which agent each connection speaks for, and the user's controls over agents (pause, disconnect).
 * Invariants: an agent id is attached to at most one live connection; a name is either free,
 * reserved by one registration in flight, or bound to one agent id; pause state belongs to the
 * agent id and survives reconnects for the life of the process. Change listeners fire after every
 * state change so the UI list stays current.
 */

/** What the registry needs from a connection. */
export interface AgentConnection {
  /** Close with an application close code (4001 = disconnected by the user). */
  disconnect(code: number, reason: string): void;
}

export interface AgentState {
  readonly agentId: string;
  readonly name: string;
  readonly connected: boolean;
  readonly paused: boolean;
  /** Epoch ms of the current connection, or of the last one. */
  readonly connectedAt: number | null;
  /** Epoch ms the last connection ended (null while the first one lasts). */
  readonly disconnectedAt: number | null;
}

interface Entry<C> {
  readonly agentId: string;
  readonly name: string;
  connection: C | null;
  paused: boolean;
  connectedAt: number | null;
  disconnectedAt: number | null;
}

export const CLOSE_DISCONNECTED_BY_USER = 4001;

export class AgentRegistry<C extends AgentConnection = AgentConnection> {
  private readonly byId = new Map<string, Entry<C>>();
  private readonly idByName = new Map<string, string>();
  private readonly reserved = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number) {}

  /** Hold a name while its registration is in flight; false if in use by a connected agent. */
  reserve(name: string): boolean {
    if (this.reserved.has(name)) return false;
    const id = this.idByName.get(name);
    if (id !== undefined && this.byId.get(id)?.connection) return false;
    this.reserved.add(name);
    return true;
  }

  unreserve(name: string): void {
    this.reserved.delete(name);
  }

  /** Bind a registered agent to a connection; false if that agent is already connected elsewhere. */
  attach(agentId: string, name: string, connection: C): boolean {
    const entry = this.byId.get(agentId);
    if (entry?.connection) return false;
    const next: Entry<C> = entry ?? {
      agentId,
      name,
      connection: null,
      paused: false,
      connectedAt: null,
      disconnectedAt: null,
    };
    next.connection = connection;
    next.connectedAt = this.now();
    this.byId.set(agentId, next);
    this.idByName.set(name, agentId);
    this.changed();
    return true;
  }

  detach(connection: C): void {
    for (const entry of this.byId.values()) {
      if (entry.connection === connection) {
        entry.connection = null;
        entry.disconnectedAt = this.now();
        this.changed();
      }
    }
  }

  connectionOf(agentId: string): C | undefined {
    return this.byId.get(agentId)?.connection ?? undefined;
  }

  isConnected(agentId: string): boolean {
    return Boolean(this.byId.get(agentId)?.connection);
  }

  isPaused(agentId: string): boolean {
    return this.byId.get(agentId)?.paused === true;
  }

  /** False for an agent that never registered through the gateway. */
  setPaused(agentId: string, paused: boolean): boolean {
    const entry = this.byId.get(agentId);
    if (!entry) return false;
    if (entry.paused !== paused) {
      entry.paused = paused;
      this.changed();
    }
    return true;
  }

  /** Closes the agent's connection; false when it has none. */
  disconnect(agentId: string): boolean {
    const connection = this.byId.get(agentId)?.connection;
    if (!connection) return false;
    connection.disconnect(CLOSE_DISCONNECTED_BY_USER, 'disconnected by the user');
    return true;
  }

  get(agentId: string): AgentState | undefined {
    const entry = this.byId.get(agentId);
    return entry ? snapshot(entry) : undefined;
  }

  list(): AgentState[] {
    return [...this.byId.values()].map(snapshot);
  }

  get connectedCount(): number {
    let n = 0;
    for (const entry of this.byId.values()) if (entry.connection) n++;
    return n;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function snapshot<C>(entry: Entry<C>): AgentState {
  return {
    agentId: entry.agentId,
    name: entry.name,
    connected: entry.connection !== null,
    paused: entry.paused,
    connectedAt: entry.connectedAt,
    disconnectedAt: entry.disconnectedAt,
  };
}
