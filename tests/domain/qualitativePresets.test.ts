/**
 * A 定性 (qualitative) indicator under each warning preset: its light is the one set by hand
 * (rule 6), never 超额 and never a ratio to pace, even under 财政一体化 where counts get 超额;
 * 财政一体化 writes it with its own three grades.
 */
import { describe, expect, it } from 'vitest'
import { evaluateIndicator, evaluateProject, evaluateShownAt, type Status } from '@/domain'
import { buildMonitoringReport } from '@/domain/monitoringReport'
import { buildMonitoringWorkbookInput } from '@/domain/monitoringWorkbook'
import { PRESETS, qualitativeStatusLabel, type PresetId } from '@/domain/presets'
import type { ManualStatus, Thresholds } from '@/domain/types'
import { makeIndicator, manualStatusesOf, SEED_PROJECTS, seedSpending, valuesOf, type TargetSpec } from './factories'

const thresholdsOf = (id: PresetId): Thresholds => {
  const found = PRESETS.find((p) => p.id === id)
  if (found === undefined) throw new Error(id)
  return found.thresholds
}
const PROJECT = SEED_PROJECTS.法律援助经费
const GOOD: TargetSpec = { raw: '优良', operator: null, value: null, unit: null, kind: 'qualitative' }
// A deadline read as a level target without a number is judged by hand too.
const BY_NOVEMBER: TargetSpec = { raw: '11月底之前', operator: null, value: null, unit: null, kind: 'level' }
const qualitative = makeIndicator(PROJECT, 3, '法律援助服务质量', GOOD)
const deadline = makeIndicator(PROJECT, 4, '援助站点建设', BY_NOVEMBER)

const PRESET_IDS: readonly PresetId[] = ['default', 'fasp', 'hefei', 'sichuan']
const MANUAL: readonly ManualStatus[] = ['green', 'yellow', 'red']
const everyCase = PRESET_IDS.flatMap((id) => MANUAL.map((status) => [id, status] as const))

describe('a 定性 indicator judged by hand under each preset', () => {
  it.each(everyCase)('%s: set %s by hand stays so, with no ratio or 完成进度', (id, status) => {
    for (const indicator of [qualitative, deadline]) {
      // A number typed against it by mistake is shown, never judged against pace.
      const values = [...manualStatusesOf(indicator, { 6: status }), ...valuesOf(indicator, { 7: 500 })]
      const e = evaluateIndicator(indicator, values, 7, thresholdsOf(id))
      expect(e.status).toBe(status)
      expect(e.completion).toBeNull()
      expect(e.expected).toBeNull()
      expect(e.forecast).toBeNull()
      expect(e.isMet).toBe(status === 'green')
    }
  })

  it.each(PRESET_IDS)('%s: nothing set is 未填报, never met', (id) => {
    const e = evaluateIndicator(qualitative, valuesOf(qualitative, { 6: 120 }), 7, thresholdsOf(id))
    expect(e.status).toBe('unreported')
    expect(e.isMet).toBeNull()
  })
})

describe('its wording under each preset', () => {
  it.each<[PresetId, Status, string]>([
    ['default', 'green', '绿·正常'],
    ['default', 'yellow', '黄·关注'],
    ['default', 'red', '红·滞后'],
    ['default', 'unreported', '未填报'],
    ['fasp', 'green', '达成目标'],
    ['fasp', 'yellow', '部分达成目标并具有一定效果'],
    ['fasp', 'red', '未达成目标且效果较差'],
    ['fasp', 'unreported', '未填报'],
    // A hand-set light has no 超额: were one passed, it reads as met, not blue.
    ['fasp', 'exceeded', '达成目标'],
    ['default', 'exceeded', '绿·正常'],
    ['hefei', 'yellow', '黄·关注'],
    ['hefei', 'red', '红·滞后'],
    ['sichuan', 'green', '绿·正常'],
    ['sichuan', 'red', '红·滞后'],
  ])('%s: %s reads 「%s」', (id, status, label) => {
    expect(qualitativeStatusLabel(status, thresholdsOf(id))).toBe(label)
  })

  it('财政一体化 names its 定性 grades in its summary for 设置', () => {
    expect(PRESETS.find((p) => p.id === 'fasp')?.summary).toContain('定性指标人工评定：达成目标为绿，部分达成目标并具有一定效果为黄，未达成目标且效果较差为红')
  })
})

describe('the project light with a 定性 indicator, spending on 序时 at 6月 (50 % of plan 50 %)', () => {
  // 法律援助经费 at 6月: 1.50 of 3.00 万元, on plan and on 序时 and above 四川's 40 % floor.
  it.each<[PresetId, ManualStatus, Status]>([
    ['default', 'green', 'green'],
    ['default', 'yellow', 'yellow'],
    ['default', 'red', 'red'],
    ['fasp', 'green', 'green'],
    ['fasp', 'yellow', 'yellow'],
    ['fasp', 'red', 'red'],
    // 合肥: on 序时 with a goal missed is 黄, however badly.
    ['hefei', 'green', 'green'],
    ['hefei', 'yellow', 'yellow'],
    ['hefei', 'red', 'yellow'],
    ['sichuan', 'green', 'green'],
    ['sichuan', 'red', 'red'],
  ])('%s: 定性 set %s → project %s', (id, manual, expected) => {
    const input = { project: PROJECT, indicators: [qualitative], spending: seedSpending('法律援助经费'), values: manualStatusesOf(qualitative, { 6: manual }), note: null }
    const e = evaluateProject(input, 6, thresholdsOf(id))
    expect(e.spend.status).toBe('green')
    expect(e.status).toBe(expected)
  })
})

describe('the 监控报告 writes a lagging 定性 indicator in the preset’s words', () => {
  const reportText = (id: PresetId, manual: ManualStatus): string => {
    const t = thresholdsOf(id)
    const input = { project: PROJECT, indicators: [qualitative], spending: seedSpending('法律援助经费'), values: manualStatusesOf(qualitative, { 6: manual }), note: null }
    const report = buildMonitoringReport({
      departmentName: '秦皇岛市北戴河区司法局',
      year: 2020,
      month: 6,
      evaluations: [evaluateProject(input, 6, t)],
      notes: [],
      indicatorNotes: [],
      actions: [],
      projectNames: new Map([[PROJECT.id, PROJECT.name]]),
      thresholds: t,
    })
    return report.sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'table' ? b.table.rows.flat().join(' ') : b.text))).join('\n')
  }
  it.each<[PresetId, ManualStatus, string]>([
    ['default', 'red', '红·滞后'],
    ['default', 'yellow', '黄·关注'],
    ['fasp', 'red', '未达成目标且效果较差'],
    ['fasp', 'yellow', '部分达成目标并具有一定效果'],
    ['hefei', 'red', '红·滞后'],
    ['sichuan', 'yellow', '黄·关注'],
  ])('%s: set %s → 人工评定「%s」, with no figure', (id, manual, words) => {
    const text = reportText(id, manual)
    expect(text).toContain(`指标「法律援助服务质量」：年度指标值 优良，1–6月人工评定：${words}。`)
  })
})

describe('the 监控表 writes a 定性 indicator’s 1–m月执行情况 in the preset’s words', () => {
  /** The 1–6月执行情况 cell of 法律援助服务质量 in the department's workbook under the preset. */
  const workbookCell = (id: PresetId, manual: ManualStatus | null): { readonly actual: unknown; readonly actualText: string } => {
    const t = thresholdsOf(id)
    const data = [{ project: PROJECT, indicators: [qualitative], spending: seedSpending('法律援助经费'), values: manual === null ? [] : manualStatusesOf(qualitative, { 6: manual }), notes: [] }]
    const input = buildMonitoringWorkbookInput({
      departmentCode: PROJECT.departmentCode,
      departmentName: '秦皇岛市北戴河区司法局',
      year: 2020,
      month: 6,
      today: '2020-07-06',
      data,
      view: evaluateShownAt(data, [], 6, t),
      indicatorNotes: [],
      reportedOn: null,
      thresholds: t,
    })
    const row = input.forms[0]?.indicators.find((r) => r.name === '法律援助服务质量')
    if (row === undefined) throw new Error('no row')
    return row
  }
  it.each<[PresetId, ManualStatus | null, string]>([
    ['default', 'green', '绿·正常'],
    ['default', 'red', '红·滞后'],
    ['fasp', 'green', '达成目标'],
    ['fasp', 'yellow', '部分达成目标并具有一定效果'],
    ['fasp', 'red', '未达成目标且效果较差'],
    ['fasp', null, '未填报'],
    ['hefei', 'yellow', '黄·关注'],
    ['sichuan', 'red', '红·滞后'],
  ])('%s: set %s → 「%s」, with no figure', (id, manual, words) => {
    const row = workbookCell(id, manual)
    expect(row.actualText).toBe(words)
    expect(row.actual).toBeNull()
  })
})
