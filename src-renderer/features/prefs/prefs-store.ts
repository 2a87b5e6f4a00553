/**
 * The renderer's copy of its saved preferences. Loaded once from main; every change is applied
 * locally at once and saved (debounced) with `ui.prefs.set`, so dragging a panel divider does not
 * send a request per pixel. A single store, so there is one writer and no lost updates.
 */
import type { UiPrefs } from '../../../src-shared/contract';
import type { ContractClient } from '../../ipc/client';

const SAVE_DELAY_MS = 400;

export type PrefsStatus = 'loading' | 'ready' | 'error';

export class PrefsStore {
  private prefs: UiPrefs = { version: 1, layout: null, keymap: {}, selection: null };
  private state: PrefsStatus = 'loading';
  private readonly listeners = new Set<() => void>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastError: string | null = null;

  constructor(private readonly client: ContractClient) {}

  async load(): Promise<void> {
    const result = await this.client.call('ui.prefs.get', {});
    if (result.ok) {
      this.prefs = result.value;
      this.state = 'ready';
    } else {
      this.state = 'error';
      this.lastError = result.error.message;
    }
    this.emit();
  }

  get current(): UiPrefs {
    return this.prefs;
  }

  get status(): PrefsStatus {
    return this.state;
  }

  get error(): string | null {
    return this.lastError;
  }

  update(change: (prefs: UiPrefs) => UiPrefs): void {
    this.prefs = change(this.prefs);
    this.emit();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Saves now (e.g. before the page unloads). */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    const result = await this.client.call('ui.prefs.set', { prefs: this.prefs });
    this.lastError = result.ok ? null : result.error.message;
    if (!result.ok) this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
