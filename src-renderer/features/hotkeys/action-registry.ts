/**
 * Actions are what hotkeys, the command palette and the cheat sheet share: features register the
 * actions they offer while mounted; the keymap decides which keys run them. An action may describe
 * its current scope (e.g. "cancel all: BTC-USD on sim") so the user sees what a key will do.
 */
import type { ActionInfo } from './keymap';

export interface Action extends ActionInfo {
  run(): void;
  /** Shown next to the action; for scoped actions such as cancel-all. */
  scope?: () => string;
  enabled?: () => boolean;
  /** A held key's auto-repeat does not run it again (order-sending keys). */
  noRepeat?: boolean;
}

export class ActionRegistry {
  private readonly actions = new Map<string, Action>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly Action[] = [];

  register(list: readonly Action[]): () => void {
    for (const action of list) this.actions.set(action.id, action);
    this.changed();
    return () => {
      for (const action of list) if (this.actions.get(action.id) === action) this.actions.delete(action.id);
      this.changed();
    };
  }

  get(id: string): Action | undefined {
    return this.actions.get(id);
  }

  /** Stable array between changes (for useSyncExternalStore). */
  list = (): readonly Action[] => this.snapshot;

  run(id: string): boolean {
    const action = this.actions.get(id);
    if (!action || (action.enabled && !action.enabled())) return false;
    action.run();
    return true;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = [...this.actions.values()];
    for (const listener of this.listeners) listener();
  }
}
