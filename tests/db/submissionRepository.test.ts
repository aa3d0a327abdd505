import { beforeAll, describe, expect, it } from 'vitest'
import { readRoundProjects } from '@/api/roundContent'
import { reloadDemo } from '@/composables/useDemo'
import { db } from '@/db/database'
import { lockMonth } from '@/db/lockRepository'
import { loadProjectData } from '@/db/monitorRepository'
import { buildRoundSubmission, RoundNotReadyError } from '@/db/submissionRepository'
import { evaluateProjectData } from '@/domain/projectEvaluation'
import { buildSubmissionPackage, parseSubmission, readSubmissionPackage } from '@/schema/submission'

const YEAR = 2020
const DEPARTMENT = '315002'
const REPORTED_AT = new Date('2020-08-05T02:30:00Z')

beforeAll(async () => {
  await reloadDemo()
  await lockMonth(YEAR, DEPARTMENT, 7, '王会计')
})

describe('round document of the demo department at 7月', () => {
  it('is valid under the shared submission schema, for this department and round', async () => {
    const document = await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)
    const parsed = parseSubmission(document)
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
    expect(document).toMatchObject({ formatVersion: 1, department: { code: DEPARTMENT, name: '秦皇岛市北戴河区司法局' }, year: YEAR, month: 7, reportedAt: '2020-08-05T02:30:00.000Z' })
  })

  it('carries every project with the figures the app shows (domain evaluation at 7月)', async () => {
    const projects = readRoundProjects((await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)).content)
    const data = await loadProjectData({ year: YEAR, departmentCode: DEPARTMENT })
    expect(projects.map((p) => p.id)).toEqual(data.map((d) => d.project.id))
    for (const [index, project] of projects.entries()) {
      const evaluation = evaluateProjectData(data[index]!, 7)
      expect(project.budget.total).toBe(evaluation.project.budget.total)
      expect(project.executed).toBe(evaluation.spend.executed)
      expect(project.executionRate).toBe(evaluation.spend.executionRate)
      expect(project.status).toBe(evaluation.status)
      expect(project.monthlySpending).toHaveLength(7)
      expect(project.indicators.map((i) => [i.id, i.status])).toEqual(evaluation.indicators.map((e) => [e.indicator.id, e.status]))
      for (const indicator of project.indicators) expect(indicator.monthlyValues).toHaveLength(7)
    }
    // Money stays integer 分.
    expect(projects.every((p) => Number.isInteger(p.executed) && Number.isInteger(p.budget.total))).toBe(true)
  })

  it('refuses a month not yet marked 已报送, saying what to do', async () => {
    await expect(buildRoundSubmission(YEAR, DEPARTMENT, 8, REPORTED_AT)).rejects.toThrow(RoundNotReadyError)
    await expect(buildRoundSubmission(YEAR, DEPARTMENT, 8, REPORTED_AT)).rejects.toThrow('请先在录入页「标记8月已报送」')
  })

  it('round-trips as an offline package; one changed byte is refused', async () => {
    const document = await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)
    const text = await buildSubmissionPackage(document)
    const read = await readSubmissionPackage(text)
    expect(read.ok && read.submission).toEqual(document)
    // The document sits in the package as JSON text, its quotes escaped.
    expect(text).toContain('\\"executed\\":')
    const changed = text.replace('\\"executed\\":', '\\"executed\\":1')
    const refused = await readSubmissionPackage(changed)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.message).toContain('校验失败')
  })

  it('leaves the stored data as it was (building reads only)', async () => {
    const before = await db.changes.count()
    await buildRoundSubmission(YEAR, DEPARTMENT, 7, REPORTED_AT)
    expect(await db.changes.count()).toBe(before)
  })
})
