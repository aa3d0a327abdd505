import { describe, expect, it } from 'vitest'
import { splitGraphemes, truncateForDisplay, truncateToUnits } from '@/domain/text'

const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)

describe('truncateForDisplay', () => {
  it.each<[string, number, string]>([
    ['法律援助经费', 24, '法律援助经费'],
    ['一二三四五六七八九十', 4, '一二三四…'],
    ['abc', 3, 'abc'],
    ['abcd', 3, 'abc…'],
    // 23 CJK characters then an emoji: slicing 24 UTF-16 units kept half of 🎉.
    [`${'办'.repeat(23)}🎉完成`, 24, `${'办'.repeat(23)}🎉…`],
    // A family emoji (ZWJ sequence, 11 units) and a flag (2 code points) count as one character each.
    ['👨‍👩‍👧‍👦家庭🇨🇳中国', 3, '👨‍👩‍👧‍👦家庭…'],
    ['👍🏽👍🏽👍🏽', 2, '👍🏽👍🏽…'],
    ['é́e', 1, 'é́…'],
  ])('%j cut at %i shows %j', (text, max, shown) => {
    const result = truncateForDisplay(text, max)
    expect(result).toBe(shown)
    expect(hasLoneSurrogate(result)).toBe(false)
  })

  it('is what the old cut split into a lone surrogate', () => {
    const text = `${'办'.repeat(23)}🎉完成`
    expect(hasLoneSurrogate(`${text.slice(0, 24)}…`)).toBe(true)
    expect(hasLoneSurrogate(truncateForDisplay(text, 24))).toBe(false)
  })

  it.each<[string, number, string]>([
    [`${'办'.repeat(23)}🎉完成`, 24, `${'办'.repeat(23)}🎉…`],
    ['😀😀😀', 2, '😀😀…'],
    // Without Intl.Segmenter, code points: an emoji stays whole, a ZWJ sequence may not.
    ['👍🏽x', 1, '👍…'],
  ])('without Intl.Segmenter (code points) %j cut at %i shows %j', (text, max, shown) => {
    const result = truncateForDisplay(text, max, '…', null)
    expect(result).toBe(shown)
    expect(hasLoneSurrogate(result)).toBe(false)
  })
})

describe('truncateToUnits', () => {
  it.each<[string, number, string]>([
    ['秦皇岛市北戴河区司法局', 31, '秦皇岛市北戴河区司法局'],
    ['abcdef', 4, 'abcd'],
    ['abc😀', 4, 'abc'],
    ['ab😀', 4, 'ab😀'],
    ['👨‍👩‍👧‍👦ab', 5, ''],
  ])('%j within %i code units is %j', (text, max, cut) => {
    expect(truncateToUnits(text, max)).toBe(cut)
  })
})

describe('splitGraphemes', () => {
  it('keeps CJK, emoji sequences and flags whole', () => {
    expect(splitGraphemes('司法👨‍👩‍👧🇨🇳')).toEqual(['司', '法', '👨‍👩‍👧', '🇨🇳'])
  })
})
