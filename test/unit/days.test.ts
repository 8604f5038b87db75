import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, laterDay, todayUtc } from '../../src/core/org/days.js';

describe('day arithmetic', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-01-31', 30],
    ['2026-03-31', '2026-03-01', -30],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2026-03-28', '2026-03-30', 2], // across a DST change in most zones
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2025-12-31', 181, '2026-06-30'],
  ])('addDays(%s, %i) = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it('picks the later day', () => {
    expect(laterDay('2026-01-02', '2025-12-31')).toBe('2026-01-02');
    expect(laterDay('2025-12-31', '2026-01-02')).toBe('2026-01-02');
  });

  it('refuses what is not a day', () => {
    expect(() => daysBetween('yesterday', '2026-01-01')).toThrow(/not an ISO day/);
  });

  describe('todayUtc', () => {
    afterEach(() => vi.useRealTimers());

    it('turns at midnight UTC, and back when the clock is set back', () => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2026-12-04T23:59:59.999Z'));
      expect(todayUtc()).toBe('2026-12-04');
      vi.setSystemTime(new Date('2026-12-05T00:00:00.000Z'));
      expect(todayUtc()).toBe('2026-12-05');
      vi.setSystemTime(new Date('2026-12-05T23:59:59.999Z'));
      expect(todayUtc()).toBe('2026-12-05');
      vi.setSystemTime(new Date('2026-12-04T12:00:00.000Z'));
      expect(todayUtc()).toBe('2026-12-04');
    });
  });
});
