import { describe, expect, it } from 'vitest'
import { formatDocumentAmount, formatWanExact } from '@/components/data/formatAmount'

describe('formatAmount', () => {
  it.each<readonly [number, string]>([
    [3_000_000, '3.00'],
    [6_300_000, '6.30'],
    [120_345_678, '120.345678'],
    [38_650_050, '38.65005'],
    [1, '0.000001'],
    [0, '0.00'],
    [1_234_500_000, '1,234.50'],
  ])('formatWanExact(%d 分) = %s 万元', (fen, text) => {
    expect(formatWanExact(fen)).toBe(text)
  })

  it('writes an amount exactly in the unit the document states', () => {
    expect(formatDocumentAmount(12_345_678, 'yuan')).toBe('123,456.78')
    expect(formatDocumentAmount(120_345_678, 'wan')).toBe('120.345678')
  })
})
