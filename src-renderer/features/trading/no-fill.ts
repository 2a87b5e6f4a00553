/**
 * Why an open paper or trigger order is not filling, in words: a short label for the blotter cell
 * and a sentence for its tooltip, one per NoFillReason (the Record makes a new reason a type
 * error here until it has words). Queue confidence gets a letter and a sentence the same way.
 */
import type { NoFillReason, QueueConfidence } from '../../../src-shared/domain';

export interface ReasonWords {
  readonly label: string;
  readonly sentence: string;
}

const WORDS: Record<NoFillReason, ReasonWords> = {
  book_stale: {
    label: 'book stale',
    sentence: 'book stale: nothing fills until the venue’s book is live again',
  },
  book_resyncing: {
    label: 'book resyncing',
    sentence: 'book resyncing: nothing fills until the venue’s book has been rebuilt from a snapshot',
  },
  book_invalid: {
    label: 'book invalid',
    sentence: 'book invalid: the venue’s book failed a check; nothing fills until it is rebuilt',
  },
  book_unavailable: {
    label: 'no book',
    sentence: 'no live book for this instrument (not watched, or the venue streams none): nothing fills',
  },
  queue_ahead: {
    label: 'queue ahead',
    sentence: 'queue ahead: visible size at this price is still in front of your order',
  },
  awaiting_prints: {
    label: 'awaiting prints',
    sentence: 'front of the queue: it fills when trades print at or through your price',
  },
  no_liquidity: {
    label: 'no liquidity',
    sentence: 'no liquidity: nothing in the book within your limit',
  },
  liquidity_consumed: {
    label: 'liquidity used',
    sentence:
      'liquidity used: what is visible was already taken by earlier paper orders, until the venue refreshes that level',
  },
  trigger_pending: {
    label: 'trigger pending',
    sentence:
      'waiting for its trigger: nothing is sent to the book until the last trade reaches the trigger price',
  },
};

export function noFillWords(reason: NoFillReason): ReasonWords {
  return WORDS[reason];
}

const CONFIDENCE: Record<QueueConfidence, { letter: string; sentence: string }> = {
  high: { letter: 'H', sentence: 'high confidence: watched without a gap since it joined, prints seen' },
  medium: { letter: 'M', sentence: 'medium confidence: no print seen at this price yet' },
  low: {
    letter: 'L',
    sentence: 'low confidence: the book resynced or went stale since it joined, or is not live now',
  },
};

export function confidenceWords(confidence: QueueConfidence): { letter: string; sentence: string } {
  return CONFIDENCE[confidence];
}

/** "▲ 12.5 ahead" — the size in front of a resting paper order, as main gave it. */
export function queueText(ahead: string): string {
  return `▲ ${ahead} ahead`;
}
