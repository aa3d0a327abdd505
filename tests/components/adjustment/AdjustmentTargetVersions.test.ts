import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AdjustmentTargetVersions from '@/components/adjustment/AdjustmentTargetVersions.vue'
import type { TargetAdjustment } from '@/domain/targetAdjustment'
import type { Indicator } from '@/domain/types'

const indicator = (id: string, name: string, raw: string, value: number): Indicator => ({
  id, projectId: 'p', order: 0, level1: '产出指标', level2: '数量指标', name, description: '', basis: null,
  target: { raw, operator: '>=', value, unit: '件', kind: 'cumulative' },
})
const cases = indicator('p#1', '法律案件受理数', '≥100件', 100)
const visits = indicator('p#2', '回访次数', '≥20件', 20)
const version = (id: number, month: TargetAdjustment['month'], value: number, reason: string): TargetAdjustment => ({
  id, indicatorId: 'p#1', projectId: 'p', month, targetRaw: `≥${value}件`, operator: '>=', value, unit: '件', kind: 'cumulative', reason, at: `2020-0${month}-28T08:00:00.000Z`, actor: '王处长',
})
const versions = [version(2, 9, 70, '9月会议再次调整'), version(1, 6, 80, '6月会议决定调整目标')]

// Each line's parts as a reader sees them, spaced (the list lays them out with a gap).
const lines = (wrapper: ReturnType<typeof mount>) =>
  wrapper.findAll('li').map((li) => [...li.element.children].map((part) => (part.textContent ?? '').trim()).filter(Boolean).join(' '))

describe('AdjustmentTargetVersions', () => {
  it.each([
    [5, '原目标 ≥100 件'],
    [6, '≥80 件 6月起'],
    [9, '≥70 件 9月起'],
  ] as const)('at %i月 lists 原目标 → each 调整后目标 with month and reason, and marks the one in force (%s)', (month, inForce) => {
    const wrapper = mount(AdjustmentTargetVersions, { props: { indicators: [cases, visits], versions, month } })
    // Only the adjusted indicator is listed; versions by month.
    expect(wrapper.findAll('[data-test="target-version-group"]').map((g) => g.attributes('data-indicator'))).toEqual(['法律案件受理数'])
    const [original, first, second] = lines(wrapper)
    expect(original).toMatch(/^原目标 ≥100 件/)
    expect(first).toMatch(/^→ 调整后目标 ≥80 件 6月起 6月会议决定调整目标 · 王处长/)
    expect(second).toMatch(/^→ 调整后目标 ≥70 件 9月起 9月会议再次调整/)
    const current = lines(wrapper).filter((l) => l.includes(`${month}月生效`))
    expect(current).toHaveLength(1)
    expect(current[0]).toContain(inForce)
  })

  it('asks to remove a version with the version and the indicator name; shows nothing without versions', async () => {
    const wrapper = mount(AdjustmentTargetVersions, { props: { indicators: [cases], versions, month: 9 } })
    await wrapper.findAll('[data-test="target-version-remove"]')[0]!.trigger('click')
    expect(wrapper.emitted('remove')).toEqual([[versions[1], '法律案件受理数']])
    const empty = mount(AdjustmentTargetVersions, { props: { indicators: [cases], versions: [], month: 9 } })
    expect(empty.find('[data-test="target-versions"]').exists()).toBe(false)
  })
})
