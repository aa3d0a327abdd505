import { computed, shallowRef } from 'vue'
import { parseMoney } from '@/domain/money'
import type { Month } from '@/domain/types'
import { clearDemo, isDatabaseEmpty, loadDemo, type DemoActuals } from '@/db/demoRepository'
import { getSettings, type DemoMarker } from '@/db/settingsRepository'
import { describeError } from '@/db/storageErrors'

/** Loads the demo department on first start (empty database, demo never cleared). */
export async function ensureDemoLoaded(): Promise<boolean> {
  if (!(await isDatabaseEmpty()) || (await getSettings()).demoDismissed) return false
  await reloadDemo()
  return true
}

/** Parses the bundled seed document and stores it with its monthly actuals. */
export async function reloadDemo(): Promise<void> {
  // Loaded lazily: the seed text and parser are only needed on first start.
  const [demo, { parseDocument }] = await Promise.all([
    import('../../mock-data/demo'),
    import('@/importers/document'),
  ])
  const parsed = parseDocument(demo.DEMO_SEED_TEXT)
  if (!parsed.ok) throw new Error(`示例数据无法读取：${parsed.error.message}`)
  const actuals: DemoActuals = {
    spending: demo.DEMO_SPENDING.flatMap((row) =>
      row.monthly.flatMap((text, index) => {
        const amount = text === null ? null : parseMoney(text, 'wan')
        return amount === null ? [] : [{ projectCode: row.projectCode, month: (index + 1) as Month, amount }]
      }),
    ),
    values: demo.DEMO_INDICATORS.flatMap((row) =>
      row.monthly.flatMap((value, index) =>
        value === null
          ? []
          : [{ projectCode: row.projectCode, indicatorName: row.indicatorName, month: (index + 1) as Month, value }],
      ),
    ),
    notes: demo.DEMO_NOTES.map((note) => ({ ...note, month: note.month as Month })),
  }
  await loadDemo(parsed.document, actuals, { fileName: demo.DEMO_FILE_NAME, warningCount: parsed.warnings.length })
}

/**
 * Whether the 示例数据 banner belongs on screen: demo data is loaded and what is shown includes
 * it. A scope naming another year or department (the URL's y / d) shows none of the demo, so the
 * banner naming the demo department would be wrong there; all departments, the demo's own, or a
 * page without a scope (导入导出, 设置, where the demo is part of the stored data) keep it.
 */
export function showsDemo(marker: DemoMarker | null, year: number | null, departmentCode: string | null): boolean {
  if (marker === null) return false
  return (year === null || year === marker.year) && (departmentCode === null || departmentCode === marker.departmentCode)
}

/** State and actions of the 示例数据 banner. */
export function useDemoActions() {
  const isBusy = shallowRef(false)
  const failure = shallowRef<string | null>(null)
  const run = async (action: () => Promise<void>) => {
    isBusy.value = true
    failure.value = null
    try {
      await action()
    } catch (error) {
      failure.value = describeError(error)
    } finally {
      isBusy.value = false
    }
  }
  return {
    isBusy: computed(() => isBusy.value),
    failure: computed(() => failure.value),
    clear: () => run(clearDemo),
    reload: () => run(reloadDemo),
  }
}
