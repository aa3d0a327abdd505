// What a page says about departments of its scope pulled from the 财政局 server (来自报送).

/** A department as the catalog lists it; `pulled` is set on one pulled from the server. */
export interface DepartmentLike {
  readonly code: string
  readonly name: string
  readonly pulled?: { readonly year: number; readonly month: number; readonly revision: number; readonly submittedAt: string }
}

export interface PulledBadge {
  readonly code: string
  readonly name: string
  /** 来自报送 · 第N版 */
  readonly label: string
  /** 2026年7月报送，提交于 … */
  readonly detail: string
  readonly submittedAt: string
}

export interface PulledNotice {
  readonly badges: readonly PulledBadge[]
  /** Departments of the scope in all (pulled or not) */
  readonly scopeCount: number
}

/** The 来自报送 badge of a department, or null for a department of this browser's own. */
export function pulledBadgeOf(department: DepartmentLike): PulledBadge | null {
  const marker = department.pulled
  if (!marker) return null
  return {
    code: department.code,
    name: department.name,
    label: `来自报送 · 第${marker.revision}版`,
    detail: `${marker.year}年${marker.month}月报送`,
    submittedAt: marker.submittedAt,
  }
}

/** The pulled departments of a scope (one department, or all when `departmentCode` is null); null when none. */
export function buildPulledNotice(departments: readonly DepartmentLike[], departmentCode: string | null): PulledNotice | null {
  const inScope = departmentCode === null ? departments : departments.filter((d) => d.code === departmentCode)
  const badges = inScope.flatMap((d) => {
    const badge = pulledBadgeOf(d)
    return badge ? [badge] : []
  })
  return badges.length === 0 ? null : { badges, scopeCount: inScope.length }
}
