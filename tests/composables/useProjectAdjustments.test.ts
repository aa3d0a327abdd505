import { effectScope, nextTick, shallowRef } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import type { ProjectData } from '@/domain/projectData'

const loadTransferTargets = vi.fn(async (year: number) => [
  { id: `${year}/A/1`, name: '本项目' },
  { id: `${year}/A/2`, name: '另一个项目' },
])
vi.mock('@/db/adjustmentRepository', async (original) => ({ ...(await original<object>()), loadTransferTargets }))
const { useProjectAdjustments } = await import('@/composables/useProjectAdjustments')

const project = (id: string, year: number) =>
  ({ project: { id, year, departmentCode: 'A', code: id, name: id }, indicators: [], spending: [], values: [], notes: [] }) as unknown as ProjectData

const settle = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
}

describe('useProjectAdjustments: the projects a 调剂 can go to', () => {
  it('are read when the 调剂 form opens, not with the page (a bureau year has 10,000), and once per year', async () => {
    loadTransferTargets.mockClear()
    const data = shallowRef<ProjectData | null>(project('2024/A/1', 2024))
    const scope = effectScope()
    const adjust = scope.run(() => useProjectAdjustments(data, shallowRef(null)))!
    await settle()
    expect(loadTransferTargets).not.toHaveBeenCalled()
    adjust.openBudget('adjust')
    await settle()
    expect(loadTransferTargets).not.toHaveBeenCalled()
    adjust.isBudgetOpen.value = false
    adjust.openBudget('transfer')
    await settle()
    expect(loadTransferTargets).toHaveBeenCalledWith(2024)
    // The project itself is not offered.
    expect(adjust.transferTargets.value.map((t) => t.name)).toEqual(['另一个项目'])
    adjust.isBudgetOpen.value = false
    adjust.openBudget('transfer')
    await settle()
    expect(loadTransferTargets).toHaveBeenCalledTimes(1)
    data.value = project('2025/A/1', 2025)
    await settle()
    expect(adjust.transferTargets.value.map((t) => t.id)).toEqual(['2025/A/2'])
    expect(loadTransferTargets).toHaveBeenLastCalledWith(2025)
    scope.stop()
  })
})
