/** docs/agents-api.md stays complete: every message type and every error code is documented. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_TYPES } from '../../../src-main/gateway/protocol/client-messages';
import { GATEWAY_ERROR_CODE_LIST } from '../../../src-main/gateway/protocol/errors';
import { SERVER_SCHEMAS } from '../../../src-main/gateway/protocol/server-messages';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/agents-api.md'), 'utf8');

describe('docs/agents-api.md', () => {
  it.each([...CLIENT_MESSAGE_TYPES, ...Object.keys(SERVER_SCHEMAS)])(
    'documents the message type %s',
    (type) => {
      expect(doc).toContain(`\`${type}\``);
    },
  );

  it.each(GATEWAY_ERROR_CODE_LIST)('documents the error code %s in the table', (code) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` +\\|`, 'm'));
  });
});
