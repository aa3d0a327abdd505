/**
 * Checks the project codes a preview will store (the document's, or 自编 ones the user may
 * have edited): each one filled in, without “/” (ids are `year/department/code`), and unique.
 * Returns the problem in Chinese, or null.
 */
export function checkProjectCodes(codes: readonly string[], names: readonly string[]): string | null {
  const seen = new Map<string, number>()
  for (const [index, raw] of codes.entries()) {
    const code = raw.trim()
    const name = names[index] ?? ''
    if (code === '') return `项目「${name}」的项目编码为空，请填写`
    if (code.includes('/')) return `项目「${name}」的项目编码「${code}」含有“/”，请改为不含“/”的编码`
    const first = seen.get(code)
    if (first !== undefined) return `项目「${names[first] ?? ''}」和「${name}」的项目编码都是「${code}」，请改为不同的编码`
    seen.set(code, index)
  }
  return null
}
