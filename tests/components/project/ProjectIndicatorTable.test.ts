import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProjectIndicatorTable from '@/components/project/ProjectIndicatorTable.vue'
import { evaluateIndicator } from '@/domain'
import { PRESETS, type PresetId } from '@/domain/presets'
import type { ManualStatus } from '@/domain/types'
import { makeIndicator, manualStatusesOf, SEED_INDICATORS, SEED_PROJECTS, valuesOf } from '../../domain/factories'

const thresholdsOf = (id: PresetId) => PRESETS.find((p) => p.id === id)!.thresholds
const qualitative = makeIndicator(SEED_PROJECTS.法律援助经费, 3, '法律援助服务质量', { raw: '优良', operator: null, value: null, unit: null, kind: 'qualitative' })
const count = SEED_INDICATORS.法律援助经费[0]!

/** Per row: the status badge's words and the 人工评定 line under it ('' when none). */
function statusCells(id: PresetId, manual: ManualStatus | null): [string, string][] {
  const t = thresholdsOf(id)
  const indicators = [
    // 70 件 of 100 by 7月 is 120 % of 序时: 超额 under 财政一体化.
    evaluateIndicator(count, valuesOf(count, { 1: 10, 2: 10, 3: 10, 4: 10, 5: 10, 6: 10, 7: 10 }), 7, t),
    evaluateIndicator(qualitative, manual === null ? [] : manualStatusesOf(qualitative, { 7: manual }), 7, t),
  ]
  const wrapper = mount(ProjectIndicatorTable, { props: { indicators, month: 7, thresholds: t } })
  return wrapper.findAll('tbody tr').map((row) => {
    const grade = row.find('[data-test="indicator-hand-grade"]')
    return [row.find('[data-status]').text().replace(/\s+/g, ' '), grade.exists() ? grade.text() : '']
  })
}

describe('ProjectIndicatorTable: a 定性 indicator under each preset', () => {
  it.each<[PresetId, ManualStatus | null, string, string, string]>([
    ['default', 'red', '▼ 红·滞后', '人工评定', '● 绿·正常'],
    ['fasp', 'red', '▼ 红·滞后', '人工评定：未达成目标且效果较差', '▲ 蓝·超额'],
    ['fasp', 'yellow', '◆ 黄·关注', '人工评定：部分达成目标并具有一定效果', '▲ 蓝·超额'],
    ['fasp', 'green', '● 绿·正常', '人工评定：达成目标', '▲ 蓝·超额'],
    ['fasp', null, '○ 未填报', '人工评定', '▲ 蓝·超额'],
    ['hefei', 'yellow', '◆ 黄·关注', '人工评定', '● 绿·正常'],
    ['sichuan', 'green', '● 绿·正常', '人工评定', '● 绿·正常'],
  ])('%s: set %s by hand reads 「%s」「%s」; the count beside it 「%s」', (id, manual, badge, grade, countBadge) => {
    expect(statusCells(id, manual)).toEqual([
      [countBadge, ''],
      [badge, grade],
    ])
  })
})
