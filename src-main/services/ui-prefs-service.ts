/** UI preferences use cases: get (defaults when none) and replace, with a size cap. */
import { UI_PREFS_MAX_BYTES } from '../../src-shared/contract';
import { appError, err, ok } from '../../src-shared/result';
import { readUiPrefs, writeUiPrefs } from '../config/ui-prefs-file';
import type { Clock, Logger } from '../core/ports';
import type { RequestHandler } from '../rpc/handlers';

export function createUiPrefsService(deps: { dataDir: string; clock: Clock; log: Logger }) {
  const get: RequestHandler<'ui.prefs.get'> = () => {
    const { prefs, problem } = readUiPrefs(deps.dataDir);
    if (problem) deps.log.warn('ui prefs reset', { problem });
    return ok(prefs);
  };

  const set: RequestHandler<'ui.prefs.set'> = ({ prefs }) => {
    const size = Buffer.byteLength(JSON.stringify(prefs));
    if (size > UI_PREFS_MAX_BYTES) {
      return err(
        appError('LIMIT_EXCEEDED', `preferences are ${size} bytes; the limit is ${UI_PREFS_MAX_BYTES}`),
      );
    }
    try {
      writeUiPrefs(deps.dataDir, prefs);
    } catch (cause) {
      return err(appError('UNAVAILABLE', `could not save preferences: ${String(cause)}`));
    }
    return ok({ savedAt: deps.clock.now() });
  };

  return { requests: { 'ui.prefs.get': get, 'ui.prefs.set': set } } as const;
}
