import { describe, expect, it } from 'vitest';
import { NO_FILL_REASONS, QueueConfidenceSchema } from '../../../../src-shared/domain';
import { confidenceWords, noFillWords, queueText } from '../../../../src-renderer/features/trading/no-fill';

describe('why-not-filling words', () => {
  it('every NoFillReason has a distinct label and a sentence that starts from it', () => {
    const labels = new Set<string>();
    for (const reason of NO_FILL_REASONS) {
      const words = noFillWords(reason);
      expect(words, reason).toBeDefined();
      expect(words.label.length, reason).toBeGreaterThan(0);
      expect(words.sentence.length, reason).toBeGreaterThan(words.label.length);
      labels.add(words.label);
    }
    expect(labels.size).toBe(NO_FILL_REASONS.length);
  });

  it('a stale book says nothing fills until the venue is live again', () => {
    expect(noFillWords('book_stale').sentence).toBe(
      'book stale: nothing fills until the venue’s book is live again',
    );
    expect(noFillWords('trigger_pending').sentence).toMatch(/trigger price/);
  });

  it('every queue confidence has its own letter and sentence', () => {
    const letters = QueueConfidenceSchema.options.map((c) => confidenceWords(c).letter);
    expect(letters).toEqual(['H', 'M', 'L']);
    for (const c of QueueConfidenceSchema.options) expect(confidenceWords(c).sentence).toMatch(c);
  });

  it('queue text keeps the size as main sent it', () => {
    expect(queueText('12.50')).toBe('▲ 12.50 ahead');
  });
});
