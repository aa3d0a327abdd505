import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useWorkbookExport } from '@/composables/useWorkbookExport'
import { db } from '@/db/database'
import { lockMonth } from '@/db/lockRepository'
import { getSignOff, saveSettings } from '@/db/settingsRepository'
import { DEMO_DEPARTMENT, DEMO_YEAR, loadRealDemo } from '../db/demoDatabase'

afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(db.tables.map((table) => table.clear()))
})

const ROUND = { year: DEMO_YEAR, departmentCode: DEMO_DEPARTMENT, month: 7 as const }
const TODAY = '2020-08-10'

function exporter(withMeeting: boolean) {
  const scope = effectScope()
  return scope.run(() => useWorkbookExport(() => ROUND, TODAY, withMeeting))!
}

async function read(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes)
  return wb
}

describe('useWorkbookExport: the sign-off dialog, then the workbook', () => {
  it('opens the dialog with 填报人 from 设置, refuses a bad phone without saving, then saves the block and downloads', async () => {
    await loadRealDemo(db)
    await saveSettings({ actor: '王会计' })
    const clicks: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x')
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })
    const w = exporter(false)
    await w.request()
    expect(w.isDialogOpen.value).toBe(true)
    expect(w.draft.value?.preparer).toBe('王会计')

    const block = { preparer: '王会计', phone: '0335-4041234', unitHead: '赵局长', financeHead: '', date: '' }
    expect(await w.confirm({ ...block, phone: 'abc' })).toHaveProperty('phone')
    expect(await getSignOff(DEMO_DEPARTMENT)).toBeNull()
    expect(clicks).toEqual([])

    expect(await w.confirm(block)).toEqual({})
    expect(w.failure.value).toBeNull()
    expect(await getSignOff(DEMO_DEPARTMENT)).toEqual(block)
    expect(clicks).toEqual(['项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx'])
    expect(w.isDialogOpen.value).toBe(false)
  })

  it('writes every project and the meeting’s sheets for the pack, with the saved block, 已报送 once 7月 is locked', async () => {
    await loadRealDemo(db)
    await lockMonth(DEMO_YEAR, DEMO_DEPARTMENT, 7, '王会计')
    const { bytes, fileName } = await exporter(true).write({ preparer: '李会计', phone: '', unitHead: '', financeHead: '', date: '' })
    expect(fileName).toBe('项目支出绩效目标执行监控表_2020年1-7月_315002.xlsx')
    const wb = await read(bytes)
    expect(wb.worksheets).toHaveLength(1 + 5 + 2)
    expect(wb.worksheets.slice(-2).map((ws) => ws.name)).toEqual(['整改清单', '会议纪要'])
    expect(String(wb.worksheets[0]!.getCell('A3').value)).toMatch(/^已报送（\d{4}-\d{2}-\d{2}）$/)
    expect(wb.worksheets[0]!.getCell('A13').value).toBe('填报人：李会计')
  })
})
