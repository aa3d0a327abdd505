import type { MonitorDatabase } from '@/db/database'
import { loadDemo, type DemoActuals } from '@/db/demoRepository'
import { importDocument } from '@/db/importRepository'
import { parseMoney } from '@/domain/money'
import type { Month } from '@/domain/types'
import { parseDocument } from '@/importers/document'
import { DEMO_FILE_NAME, DEMO_INDICATORS, DEMO_NOTES, DEMO_SEED_TEXT, DEMO_SPENDING } from '../../mock-data/demo'

export const DEMO_YEAR = 2020
export const DEMO_DEPARTMENT = '315002'
export const FLC6 = '2020/315002/315-0404-JBN-FLC6'

/** The demo's monthly actuals as the app loads them (useDemo's reloadDemo). */
function demoActuals(): DemoActuals {
  return {
    spending: DEMO_SPENDING.flatMap((row) =>
      row.monthly.flatMap((text, index) => {
        const amount = text === null ? null : parseMoney(text, 'wan')
        return amount === null ? [] : [{ projectCode: row.projectCode, month: (index + 1) as Month, amount }]
      }),
    ),
    values: DEMO_INDICATORS.flatMap((row) =>
      row.monthly.flatMap((value, index) =>
        value === null ? [] : [{ projectCode: row.projectCode, indicatorName: row.indicatorName, month: (index + 1) as Month, value }],
      ),
    ),
    notes: DEMO_NOTES.map((note) => ({ ...note, month: note.month as Month })),
  }
}

/** Loads the real demo department (the seed document and its actuals) into the database. */
export async function loadRealDemo(database: MonitorDatabase): Promise<void> {
  const parsed = parseDocument(DEMO_SEED_TEXT)
  if (!parsed.ok) throw new Error(parsed.error.message)
  await loadDemo(parsed.document, demoActuals(), { fileName: DEMO_FILE_NAME, warningCount: parsed.warnings.length }, database)
}

/** The seed with 法律援助经费's 预算数 (and its 财政资金) changed to 30.00 万元. */
export function seedWithLegalAidBudget30(): string {
  const before = '预算数\n\t3.00\n\t其中：财政资金\n\t3.00'
  if (!DEMO_SEED_TEXT.includes(before)) throw new Error('seed layout changed')
  return DEMO_SEED_TEXT.replace(before, '预算数\n\t30.00\n\t其中：财政资金\n\t30.00')
}

/** Re-imports a seed text (as 导入绩效目标表 does). */
export async function reimportSeed(text: string, database: MonitorDatabase): Promise<void> {
  const parsed = parseDocument(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  await importDocument(parsed.document, { fileName: 'seed.txt', actor: '李会计' }, database)
}
