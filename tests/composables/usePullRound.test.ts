import { afterEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import type { RoundProject } from '@/api/roundContent'
import { api } from '@/api/session'
import type { Submission } from '@/api/types'
import { usePullRound, type PullProgress } from '@/composables/usePullRound'
import { db } from '@/db/database'
import { loadProjectData } from '@/db/monitorRepository'

const DEPARTMENTS = 100
const PROJECTS = 5

function project(code: string, index: number): RoundProject {
  return {
    id: `2026/${code}/P${index}`, code: `P${index}`, name: `项目${index}`,
    budget: { total: 1_000_000, fiscal: 1_000_000, other: null },
    monthlySpending: [100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000],
    executed: 700_000, executionRate: 70, planned: 58.3, deviation: 11.7, isOverBudget: false,
    status: 'green', likelihood: null, missing: [], note: null, indicators: [], actionItems: [],
  }
}

function submission(index: number): Submission {
  const code = `D${String(index).padStart(3, '0')}`
  return {
    id: index + 1, department: { id: index + 1, code, name: `部门${index}` }, year: 2026, month: 7, revision: 1, state: 'submitted',
    formatVersion: 2, reportedAt: '2026-08-05T02:00:00.000Z', sha256: '0'.repeat(64), source: 'online', submittedBy: code,
    submittedAt: '2026-08-05T02:00:00.000Z', documentDepartmentName: `部门${index}`,
    content: { asOfMonth: 7, projects: Array.from({ length: PROJECTS }, (_, p) => project(code, p)) },
  }
}

afterEach(async () => {
  vi.restoreAllMocks()
  await db.delete()
  await db.open()
})

describe('拉取本轮报送 of 100 departments', () => {
  it('writes every department, reporting progress department by department', async () => {
    vi.spyOn(api, 'roundSubmissions').mockResolvedValue(Array.from({ length: DEPARTMENTS }, (_, i) => submission(i)))
    const pulling = usePullRound()
    const seen: PullProgress[] = []
    watch(pulling.progress, (p) => { if (p) seen.push(p) }, { flush: 'sync' })
    const started = performance.now()
    await pulling.pull(2026, 7)
    const elapsed = performance.now() - started
    expect(pulling.failure.value).toBeNull()
    expect(pulling.result.value?.counts).toEqual({ created: DEPARTMENTS, replaced: 0, unchanged: 0, kept: 0 })
    expect(seen[0]?.phase).toBe('download')
    expect(seen.filter((p) => p.phase === 'store').map((p) => p.done)).toEqual(Array.from({ length: DEPARTMENTS }, (_, i) => i))
    expect(pulling.progress.value).toBeNull()
    expect(await loadProjectData({ year: 2026, departmentCode: null }, db)).toHaveLength(DEPARTMENTS * PROJECTS)
    console.info(`pulled ${DEPARTMENTS} departments × ${PROJECTS} projects into fake-indexeddb in ${Math.round(elapsed)} ms`)
  })

  it('says why the server could not be asked, and writes nothing', async () => {
    const { ApiError } = await import('@/api/client')
    vi.spyOn(api, 'roundSubmissions').mockRejectedValue(new ApiError(403, 'FORBIDDEN', '没有权限进行此操作'))
    const pulling = usePullRound()
    await pulling.pull(2026, 7)
    expect(pulling.failure.value).toBe('没有权限进行此操作')
    expect(await db.departments.count()).toBe(0)
  })
})
