/**
 * Storage benchmark (`npm run bench`): loading a finance bureau's whole year, 10,000 projects,
 * from IndexedDB (fake-indexeddb in Node, so only the ratio to the same-run baseline counts).
 */
import 'fake-indexeddb/auto'
import { performance } from 'node:perf_hooks'
import { generateProjects } from '../mock-data/generate'
import { createDatabase } from '../src/db/database'
import { observeFigures, type FigureView } from '../src/db/figureRepository'
import { loadLatestDataMonth, loadProject, loadProjectData } from '../src/db/monitorRepository'
import { stopSharedSources } from '../src/db/sharedSource'
import { rebuildSummaries } from '../src/db/summaryRepository'
import { DEFAULT_THRESHOLDS } from '../src/domain/types'

async function time(label: string, work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  const elapsed = performance.now() - start
  console.log(`${label.padEnd(58)} ${elapsed.toFixed(0).padStart(9)} ms`)
  return elapsed
}

const projects = generateProjects(10_000)
const db = createDatabase('bench-storage')
await db.open()
await db.transaction('rw', [db.departments, db.projects, db.indicators, db.spending, db.indicatorValues], async () => {
  await db.departments.bulkPut([...new Set(projects.map((p) => p.project.departmentCode))].map((code) => ({ code, name: `部门 ${code}` })))
  await db.projects.bulkPut(projects.map(({ project }, order) => ({
    id: project.id, year: project.year, departmentCode: project.departmentCode, code: project.code, name: project.name,
    budgetTotal: project.budget.total, budgetFiscal: project.budget.fiscal, budgetOther: project.budget.other,
    purpose: project.purpose, plan: { ...project.plan }, goals: [...project.goals], order,
  })))
  await db.indicators.bulkPut(projects.flatMap((p) => p.indicators.map((i) => ({
    id: i.id, projectId: i.projectId, order: i.order, level1: i.level1, level2: i.level2, name: i.name, description: i.description,
    targetRaw: i.target.raw, operator: i.target.operator, targetValue: i.target.value, unit: i.target.unit, kind: i.target.kind, basis: i.basis,
  }))))
  await db.spending.bulkPut(projects.flatMap((p) => p.spending.map((s) => ({ ...s }))))
  await db.indicatorValues.bulkPut(projects.flatMap((p) => p.values.map((v) => ({ ...v, projectId: p.project.id }))))
})

// The summaries and figures every writer keeps (written here once, as a restore does).
await time('rebuildSummaries: summaries and figures of 10,000 projects', () => rebuildSummaries(db))

/** The overview's first read: the figures of a scope at a month (one emission of observeFigures). */
const figuresAt = (prefix: string) =>
  new Promise<FigureView>((resolve, reject) => {
    const subscription = observeFigures(prefix, 7, DEFAULT_THRESHOLDS, db).subscribe({
      next: (view) => {
        resolve(view)
        queueMicrotask(() => subscription.unsubscribe())
      },
      error: reject,
    })
  })

console.log('\nIndexedDB (fake-indexeddb): one year of 10,000 projects')
const baseline = await time('baseline: read every row of the five tables', () =>
  Promise.all([db.projects.toArray(), db.indicators.toArray(), db.spending.toArray(), db.indicatorValues.toArray(), db.notes.toArray()]),
)
const scoped = await time('loadProjectData: all departments of the year', () => loadProjectData({ year: 2024, departmentCode: null }, db))
console.log(`${'load / baseline'.padEnd(58)} ${(scoped / baseline).toFixed(1).padStart(9)} ×`)
const figures = await time('figures of all departments at 7月 (the overview)', () => figuresAt('2024/'))
console.log(`${'figures / loadProjectData'.padEnd(58)} ${(figures / scoped).toFixed(3).padStart(9)} ×`)
const one = await time('loadProjectData: one department (50 projects)', () => loadProjectData({ year: 2024, departmentCode: '100001' }, db))
console.log(`${'one department / whole-year baseline'.padEnd(58)} ${(one / baseline).toFixed(3).padStart(9)} ×`)
// The default as-of month and a project page: keys by range and one project's rows, not the department's.
const latest = await time('loadLatestDataMonth: one department (keys only)', () => loadLatestDataMonth({ year: 2024, departmentCode: '100001' }, db))
console.log(`${'latest month / one department load'.padEnd(58)} ${(latest / one).toFixed(3).padStart(9)} ×`)
const project = await time('loadProject: one project', () => loadProject(projects[0]!.project.id, db))
console.log(`${'one project / one department'.padEnd(58)} ${(project / one).toFixed(3).padStart(9)} ×`)
stopSharedSources()
await db.delete()
