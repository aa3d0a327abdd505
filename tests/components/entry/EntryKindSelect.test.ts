import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import EntryKindSelect from '@/components/entry/EntryKindSelect.vue'
import type { IndicatorKindChoice } from '@/domain/indicatorKind'

function mountSelect(choice: IndicatorKindChoice) {
  return mount(EntryKindSelect, { props: { choice, indicatorName: '城市低保保障人数' } })
}

describe('EntryKindSelect', () => {
  it('shows the 口径 in force, marks the document one, and explains both in its title', () => {
    const w = mountSelect({ kind: 'cumulative', documentKind: 'cumulative', isAdjusted: false })
    expect(w.get('select').element.value).toBe('cumulative')
    expect(w.findAll('option').map((o) => o.text())).toEqual(['累计（文档）', '时点'])
    expect(w.find('[data-test="kind-adjusted"]').exists()).toBe(false)
    expect(w.get('label').attributes('title')).toMatch(/累计 = 每月填当月数，进度为各月之和；时点 = 每月填当时的测量值，取最新一期.*推断为「累计」/)
  })

  it('says 已调整 when the user changed it', () => {
    const w = mountSelect({ kind: 'level', documentKind: 'cumulative', isAdjusted: true })
    expect(w.get('select').element.value).toBe('level')
    expect(w.get('[data-test="kind-adjusted"]').text()).toBe('已调整')
    expect(w.get('label').attributes('title')).toContain('已调整')
  })

  it('emits the chosen kind, and null when going back to the document kind', async () => {
    const w = mountSelect({ kind: 'level', documentKind: 'cumulative', isAdjusted: true })
    await w.get('select').setValue('cumulative')
    const adjusted = mountSelect({ kind: 'cumulative', documentKind: 'cumulative', isAdjusted: false })
    await adjusted.get('select').setValue('level')
    expect(w.emitted('change')).toEqual([[null]])
    expect(adjusted.emitted('change')).toEqual([['level']])
  })
})
