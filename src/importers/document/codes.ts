import { normalizeLabel } from '../normalize'

/**
 * Codes for the forms that have no 项目编码 (most provinces' 申报表 have none). The store
 * keys a project by year, department and code, so the code is made from the 项目名称:
 * the same name gives the same code in every import, and re-importing a corrected form
 * updates the project instead of adding a second one. Shown as 自编 and editable in the preview.
 */

/** FNV-1a, 32 bits: small, stable across runs and platforms. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** The stable code of a project without 项目编码, e.g. `ZB-1K9X3QF` (no slash: ids are `year/dept/code`). */
export function generatedCode(name: string): string {
  return `ZB-${hash(normalizeLabel(name)).toString(36).toUpperCase().padStart(7, '0')}`
}
