/** The VenuePort conformance suite against the fake venue, answering synchronously and with Promises. */
import { describeVenuePortConformance } from '../../support/venue-port-conformance';
import { FakeVenue } from '../../support/gateway-fake-venue';

for (const asyncAcks of [false, true]) {
  describeVenuePortConformance(`fake venue (${asyncAcks ? 'async' : 'sync'} acks)`, () => {
    const venue = new FakeVenue({ asyncAcks });
    const seller = venue.addBuiltinAgent('conf-house', '1', { BTC: '10' });
    return { venue, seller };
  });
}
