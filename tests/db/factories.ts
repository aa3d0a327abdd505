import { createDatabase, type MonitorDatabase } from '@/db/database'
import { importDocument, type ImportableDocument } from '@/db/importRepository'
import type { IndicatorTarget } from '@/domain/types'

let counter = 0

/** A fresh, empty database of its own (fake-indexeddb), so tests never share state. */
export function freshDatabase(): MonitorDatabase {
  counter += 1
  return createDatabase(`test-${counter}-${Math.random().toString(36).slice(2)}`)
}

const count = (value: number, unit = '件'): IndicatorTarget => ({
  raw: `≥${value}${unit}`,
  operator: '>=',
  value,
  unit,
  kind: 'cumulative',
})

/** A small 绩效目标表 document: two projects with two and one indicators. */
export function sampleDocument(overrides: Partial<ImportableDocument> = {}): ImportableDocument {
  return {
    year: 2021,
    department: { code: '201001', name: '某区文化和旅游局' },
    projects: [
      {
        code: '201-01-A',
        name: '文化下乡活动经费',
        budget: { total: 12_500_000, fiscal: 12_500_000, other: null },
        plan: { 3: 20, 6: 50, 10: 80, 12: 100 },
        purpose: '送戏下乡、电影放映',
        goals: ['全年送戏下乡 60 场'],
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '送戏下乡场次', description: '全年演出场次', target: count(60, '场'), basis: null },
          {
            level1: '满意度指标',
            level2: '服务对象满意度指标',
            name: '群众满意率',
            description: '观众满意度调查',
            target: { raw: '≥90%', operator: '>=', value: 90, unit: '%', kind: 'level' },
            basis: '上年满意度',
          },
        ],
      },
      {
        code: '201-01-B',
        name: '图书馆免费开放补助',
        budget: { total: 3_000_000, fiscal: 2_000_000, other: 1_000_000 },
        plan: { 3: null, 6: null, 10: null, 12: 100 },
        purpose: '免费开放运行',
        goals: [],
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '接待读者人次', description: '', target: count(20000, '人次'), basis: null },
        ],
      },
    ],
    ...overrides,
  }
}

/** A fresh database holding sampleDocument(), imported by 测试 from a.docx. */
export async function sampleDatabase(): Promise<MonitorDatabase> {
  const database = freshDatabase()
  await importDocument(sampleDocument(), { fileName: 'a.docx', actor: '测试' }, database)
  return database
}
