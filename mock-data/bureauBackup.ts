/**
 * Writes a generated bureau as a backup file (the format 导入导出 → 从备份恢复 reads:
 * { format, version, exportedAt, tables: { departments, projects, … } }), in chunks of text
 * handed to `write`, table by table. Projects are generated again for each table rather than
 * kept, so a million monthly rows never sit in memory or in one string.
 */
import type { DepartmentRecord, IndicatorRecord, IndicatorValueRecord, ProjectRecord, SpendingRecord } from '../src/db/records'
import { toProjectRecord } from '../src/db/mappers'
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupTableName } from '../src/schema/backupFile'
import { bureauDepartment, bureauProjectCount, generateBureau, type BureauOptions } from './bureau'
import type { GeneratedProject } from './generate'

/** Tables of the format the generator leaves empty (no notes, log or meetings yet). */
const EMPTY_TABLES: readonly BackupTableName[] = ['notes', 'changes', 'settings', 'imports', 'monthLocks', 'meetingAgendaFlags', 'decisions', 'actionItems', 'budgetAdjustments', 'targetAdjustments']
/** Rows per chunk handed to the writer. */
const CHUNK_ROWS = 2000

export interface BackupCounts {
  readonly departments: number
  readonly projects: number
  readonly indicators: number
  /** 月度支出 + 指标月度值 rows. */
  readonly monthlyRows: number
}

const projectRow = ({ project }: GeneratedProject, order: number): ProjectRecord => toProjectRecord(project, order)

function indicatorRows({ indicators }: GeneratedProject): IndicatorRecord[] {
  return indicators.map((i) => ({
    id: i.id,
    projectId: i.projectId,
    order: i.order,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    description: i.description,
    targetRaw: i.target.raw,
    operator: i.target.operator,
    targetValue: i.target.value,
    unit: i.target.unit,
    kind: i.target.kind,
    basis: i.basis,
  }))
}

const spendingRows = ({ spending }: GeneratedProject): SpendingRecord[] => spending.map((s) => ({ projectId: s.projectId, month: s.month, amount: s.amount }))

const valueRows = ({ project, values }: GeneratedProject): IndicatorValueRecord[] =>
  values.map((v) => ({ indicatorId: v.indicatorId, projectId: project.id, month: v.month, value: v.value, manualStatus: v.manualStatus }))

/** Writes the bureau's backup file through `write` (awaited, so a stream's backpressure holds). */
export async function writeBureauBackup(options: BureauOptions, write: (chunk: string) => Promise<void> | void): Promise<BackupCounts> {
  const lastYear = options.years[options.years.length - 1] ?? 2024
  // A fixed moment after the as-of month: the same seed gives the same file, byte for byte.
  const exportedAt = new Date(Date.UTC(lastYear, options.throughMonth, 5, 2)).toISOString()
  await write(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(exportedAt)},"tables":{`)
  let monthlyRows = 0
  let indicatorCount = 0

  const table = async (name: string, rows: Iterable<unknown>, isFirst = false): Promise<number> => {
    await write(`${isFirst ? '' : ','}${JSON.stringify(name)}:[`)
    let count = 0
    let chunk: string[] = []
    for (const row of rows) {
      chunk.push(JSON.stringify(row))
      count++
      if (chunk.length === CHUNK_ROWS) {
        await write(`${count > CHUNK_ROWS ? ',' : ''}${chunk.join(',')}`)
        chunk = []
      }
    }
    if (chunk.length > 0) await write(`${count > chunk.length ? ',' : ''}${chunk.join(',')}`)
    await write(']')
    return count
  }
  const perYear = bureauProjectCount(options)
  const perProject = function* <T>(rowsOf: (item: GeneratedProject, order: number) => T[]): Generator<T> {
    let position = 0
    for (const item of generateBureau(options)) {
      // order = position in its department's year, as an import of its document numbers it.
      yield* rowsOf(item, position % options.projectsPerDepartment)
      position = (position + 1) % perYear
    }
  }

  const departments = function* (): Generator<DepartmentRecord> {
    for (let i = 0; i < options.departments; i++) yield bureauDepartment(i)
  }
  const departmentCount = await table('departments', departments(), true)
  const projectCount = await table('projects', perProject((item, order) => [projectRow(item, order)]))
  indicatorCount = await table('indicators', perProject(indicatorRows))
  monthlyRows += await table('spending', perProject(spendingRows))
  monthlyRows += await table('indicatorValues', perProject(valueRows))
  for (const name of EMPTY_TABLES) await table(name, [])
  await write('}}\n')
  if (projectCount !== perYear * options.years.length) throw new Error('generated project count is off')
  return { departments: departmentCount, projects: projectCount, indicators: indicatorCount, monthlyRows }
}
