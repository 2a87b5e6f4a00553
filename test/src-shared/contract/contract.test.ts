import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClientMessageSchema,
  ServerMessageSchema,
  parseWith,
  requestNames,
  requests,
  streamNames,
  streams,
} from '../../../src-shared/contract';
import { DecimalStringSchema, PositiveDecimalSchema } from '../../../src-shared/domain';

/** Canonical decimal strings: what every edge of the system is allowed to carry. */
const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.option(fc.stringMatching(/^[0-9]{1,12}$/)))
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);

describe('decimal strings', () => {
  it('accepts every canonical decimal and round-trips it unchanged', () => {
    fc.assert(
      fc.property(decimalString, (s) => {
        const parsed = DecimalStringSchema.safeParse(s);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toBe(s);
        expect(JSON.parse(JSON.stringify(parsed.data))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['1e5', '01', '.5', '5.', 'NaN', 'Infinity', ' 1', '1 ', '+1', '0x10', '', '1,5', '--1', '1.2.3'])(
    'rejects %j with a message saying what is expected',
    (bad) => {
      const parsed = parseWith(DecimalStringSchema, bad, 'price');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('INVALID_INPUT');
        expect(parsed.error.message).toMatch(/^price: /);
        expect(parsed.error.message).toContain('decimal');
      }
    },
  );

  it('rejects numbers: prices never travel as floats', () => {
    expect(DecimalStringSchema.safeParse(0.1).success).toBe(false);
  });

  it('positive decimals exclude zero and negatives', () => {
    for (const s of ['0', '0.000', '-1', '-0.5'])
      expect(PositiveDecimalSchema.safeParse(s).success).toBe(false);
    for (const s of ['1', '0.001', '64000.10']) expect(PositiveDecimalSchema.safeParse(s).success).toBe(true);
  });
});

describe('contract definitions', () => {
  it('lists every request and stream by name', () => {
    expect(requestNames).toEqual(Object.keys(requests));
    expect(streamNames).toEqual(Object.keys(streams));
    expect(requestNames).toContain('system.info');
    expect(streamNames).toContain('system.clock');
  });

  it('rejects unknown fields in request input, naming the field', () => {
    const parsed = parseWith(requests['system.info'].input, { surprise: 1 }, 'system.info input');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/surprise/);
  });

  it('round-trips a system.info reply through JSON', () => {
    const reply = { app: 'Depthline', version: '1.2.3', runtime: 'headless', startedAt: 1_700_000_000_000 };
    const schema = requests['system.info'].output;
    expect(schema.parse(JSON.parse(JSON.stringify(schema.parse(reply))))).toEqual(reply);
  });

  it('rejects a venue list entry with a malformed venue id', () => {
    const schema = requests['venues.list'].output;
    const venue = {
      id: 'Binance Spot',
      name: 'Binance',
      kind: 'live',
      enabled: true,
      capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
      status: 'idle',
    };
    const parsed = parseWith(schema, [venue], 'venues.list output');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/^venues\.list output: 0\.id:/);
  });

  it('the clock stream reducer replaces the state with the delta', () => {
    const def = streams['system.clock'];
    const next = def.reduce({ serverTime: 1, uptimeMs: 0 }, { serverTime: 2, uptimeMs: 1000 });
    expect(next).toEqual({ serverTime: 2, uptimeMs: 1000 });
  });
});

describe('wire envelopes', () => {
  const name = fc.constantFrom(...requestNames, ...streamNames, 'not.a.method');
  const clientMessage = fc.oneof(
    fc.record({ t: fc.constant('call' as const), id: fc.nat(2 ** 31 - 1), name, input: fc.jsonValue() }),
    fc.record({ t: fc.constant('sub' as const), id: fc.nat(2 ** 31 - 1), name, params: fc.jsonValue() }),
    fc.record({ t: fc.constant('unsub' as const), id: fc.nat(2 ** 31 - 1) }),
  );

  it('client messages survive JSON and parse back to themselves', () => {
    fc.assert(
      fc.property(clientMessage, (message) => {
        const back = ClientMessageSchema.parse(JSON.parse(JSON.stringify(message)));
        expect(back).toEqual(JSON.parse(JSON.stringify(message)));
      }),
      { numRuns: 1000 },
    );
  });

  it('server messages survive JSON and parse back to themselves', () => {
    const serverMessage = fc.oneof(
      fc.record({
        t: fc.constant('reply' as const),
        id: fc.nat(1000),
        result: fc.oneof(
          fc.record({ ok: fc.constant(true as const), value: fc.jsonValue() }),
          fc.record({
            ok: fc.constant(false as const),
            error: fc.record({
              code: fc.constantFrom('INVALID_INPUT' as const, 'INTERNAL' as const),
              message: fc.string(),
              retryable: fc.boolean(),
            }),
          }),
        ),
      }),
      fc.record({
        t: fc.constant('event' as const),
        id: fc.nat(1000),
        event: fc.record({
          kind: fc.constantFrom('snapshot' as const, 'delta' as const),
          seq: fc.nat(),
          data: fc.jsonValue(),
        }),
      }),
    );
    fc.assert(
      fc.property(serverMessage, (message) => {
        const json = JSON.parse(JSON.stringify(message)) as unknown;
        expect(ServerMessageSchema.parse(json)).toEqual(json);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    [{ t: 'call', id: -1, name: 'system.info', input: {} }, /id/],
    [{ t: 'call', id: 1.5, name: 'system.info', input: {} }, /id/],
    [{ t: 'call', id: 1, input: {} }, /name/],
    [{ t: 'shout', id: 1 }, /t/],
    [{ t: 'unsub', id: 1, extra: true }, /extra/],
    ['not an object', /root/],
  ])('rejects malformed envelope %j with a clear error', (raw, field) => {
    const parsed = parseWith(ClientMessageSchema, raw, 'message');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('INVALID_INPUT');
      expect(parsed.error.message).toMatch(field);
    }
  });
});
