import { toSimplified } from './traditional'

/**
 * Text normalization shared by the importers. Only used to *read* cells; whatever the
 * importers keep as text (names, raw 指标值) stays exactly as written.
 */

/** Converts full-width ASCII (１２３, ％, ＞＝, （）, ：) and the ideographic space to half-width. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

/** Normalizes a cell for label matching: half-width, Simplified, no whitespace, no trailing colon. */
export function normalizeLabel(cell: string): string {
  return toSimplified(toHalfWidth(cell)).replace(/\s+/g, '').replace(/:+$/, '')
}

/** Half-width and Simplified: for reading numbers, operators and units, never for kept text. */
export function toMatchable(text: string): string {
  return toSimplified(toHalfWidth(text))
}

/** Removes one trailing parenthetical, e.g. `预算数(万元)` → `预算数`; input is already normalized. */
export function stripParenthetical(label: string): string {
  return label.replace(/\([^()]*\)$/, '')
}

/** Parses a plain decimal such as `20.00`, `1,200` or `75%` (full-width allowed); null otherwise. */
export function parsePlainNumber(cell: string): number | null {
  const text = normalizeLabel(cell).replace(/%$/, '')
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return null
  return Number(text.replace(/,/g, ''))
}
