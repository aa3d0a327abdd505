/**
 * Cutting text for display without splitting a character: a user-perceived character
 * (grapheme: an emoji with its skin tone or ZWJ sequence, a letter with its accents) stays whole.
 */

/** The shape of Intl.Segmenter this module needs (it is missing in some older browsers). */
export interface GraphemeSegmenter {
  segment(text: string): Iterable<{ readonly segment: string }>
}

const DEFAULT_SEGMENTER: GraphemeSegmenter | null =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'grapheme' }) : null

/**
 * Splits text into graphemes; without a segmenter (null), into code points, which at least
 * never leaves half of a surrogate pair.
 */
export function splitGraphemes(text: string, segmenter: GraphemeSegmenter | null = DEFAULT_SEGMENTER): string[] {
  if (segmenter === null) return Array.from(text)
  return Array.from(segmenter.segment(text), (part) => part.segment)
}

/** The first `max` characters (graphemes) of `text` followed by `ellipsis`, or `text` when it fits. */
export function truncateForDisplay(
  text: string,
  max: number,
  ellipsis = '…',
  segmenter: GraphemeSegmenter | null = DEFAULT_SEGMENTER,
): string {
  // Fewer UTF-16 units than `max` means fewer graphemes too: no need to segment.
  if (text.length <= max) return text
  const parts = splitGraphemes(text, segmenter)
  return parts.length <= max ? text : `${parts.slice(0, max).join('')}${ellipsis}`
}

/**
 * The longest start of `text` within `maxUnits` UTF-16 code units that ends on a character
 * boundary, for limits counted in code units (an Excel sheet name's 31).
 */
export function truncateToUnits(text: string, maxUnits: number, segmenter: GraphemeSegmenter | null = DEFAULT_SEGMENTER): string {
  if (text.length <= maxUnits) return text
  let out = ''
  for (const part of splitGraphemes(text, segmenter)) {
    if (out.length + part.length > maxUnits) break
    out += part
  }
  return out
}
