/**
 * Headlines for the simulated news feed, by direction. `{name}` is the instrument's base asset
 * ("BTC", "AAPL"); the feed picks one at random with the seeded generator. Plainly fictional.
 */
export const POSITIVE_HEADLINES: readonly string[] = [
  '{name} rallies as large buyers return',
  '{name} beats expectations; analysts raise targets',
  'Exchange reserves of {name} fall to a yearly low',
  '{name} upgrade ships ahead of schedule',
  'Fund flows into {name} products hit a monthly high',
  'Regulator clears the way for new {name} products',
  '{name} partnership with a major payments firm announced',
];

export const NEGATIVE_HEADLINES: readonly string[] = [
  '{name} slides after regulator opens an inquiry',
  'Large holder moves {name} to exchanges',
  '{name} misses guidance; outlook cut',
  'Outage halts {name} transfers for an hour',
  'Short sellers pile into {name}',
  '{name} faces lawsuit over disclosures',
  'Analysts downgrade {name} on slowing demand',
];

export const MILD_HEADLINES: readonly string[] = [
  '{name} trades sideways ahead of data',
  'Quiet session for {name} as volumes thin',
  '{name} holders await next week’s announcements',
];
