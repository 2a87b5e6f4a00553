import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameCoalescer } from '../../../src-renderer/ipc/frame-coalescer';
import { manualFrames } from '../manual-scheduling';

describe('FrameCoalescer', () => {
  it('commits at most once per frame, always the newest value (model-based)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant<'frame'>('frame'), fc.integer({ min: 0, max: 1e6 })), {
          maxLength: 200,
        }),
        (steps) => {
          const frames = manualFrames();
          const commits: number[] = [];
          const c = new FrameCoalescer<number>(frames.scheduler, (v) => commits.push(v));
          let latest: number | null = null;
          const expected: number[] = [];
          for (const step of steps) {
            if (step === 'frame') {
              const before = commits.length;
              frames.frame();
              if (latest !== null) expected.push(latest);
              latest = null;
              expect(commits.length - before).toBeLessThanOrEqual(1);
            } else {
              c.push(step);
              latest = step;
              expect(frames.pending()).toBe(1);
            }
          }
          expect(commits).toEqual(expected);
          expect(c.committed).toBe(expected.length);
          expect(c.pushed).toBe(steps.filter((s) => s !== 'frame').length);
        },
      ),
    );
  });

  it('1,000 values in one frame become one commit', () => {
    const frames = manualFrames();
    const commits: number[] = [];
    const c = new FrameCoalescer<number>(frames.scheduler, (v) => commits.push(v));
    for (let i = 0; i < 1000; i++) c.push(i);
    frames.frame();
    expect(commits).toEqual([999]);
  });

  it('flush commits now and cancels the frame; nothing after dispose', () => {
    const frames = manualFrames();
    const commits: number[] = [];
    const c = new FrameCoalescer<number>(frames.scheduler, (v) => commits.push(v));
    c.push(1);
    c.flush();
    expect(commits).toEqual([1]);
    expect(frames.pending()).toBe(0);
    c.push(2);
    c.dispose();
    frames.frame();
    c.push(3);
    expect(commits).toEqual([1]);
    expect(frames.pending()).toBe(0);
  });
});
