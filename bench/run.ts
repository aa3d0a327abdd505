/**
 * Benchmarks: `npm run bench`. Each figure is reported with a baseline measured in the same run
 * on the same data, so the ratio (not the milliseconds) is what to compare between machines.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { generateProjects } from '../mock-data/generate'
import { evaluateProject, summarizeProjects } from '../src/domain'
import { DEFAULT_TABLE_QUERY, queryProjects } from '../src/domain/projectTable'
import { parseDocument } from '../src/importers/document'

function measure(label: string, runs: number, work: () => unknown): number {
  work() // warm-up
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] ?? 0
  console.log(`${label.padEnd(58)} ${median.toFixed(2).padStart(9)} ms (median of ${runs})`)
  return median
}

function ratio(label: string, value: number, baseline: number): void {
  console.log(`${label.padEnd(58)} ${(value / baseline).toFixed(1).padStart(9)} ×`)
}

const projects = generateProjects(10_000)
console.log(`\n10,000 projects, 30,000 indicators, months 1–7 (${projects.reduce((n, p) => n + p.spending.length + p.values.length, 0)} monthly entries)`)
const baseline = measure('baseline: touch every entry once (sum amounts and values)', 15, () => {
  let sum = 0
  for (const item of projects) {
    for (const row of item.spending) sum += row.amount
    for (const row of item.values) sum += row.value ?? 0
  }
  return sum
})
const evaluate = measure('evaluate all projects at 7月 + department summary', 15, () =>
  summarizeProjects(projects.map((item) => evaluateProject({ ...item, note: null }, 7))),
)
ratio('evaluation / baseline', evaluate, baseline)

const evaluations = projects.map((item) => evaluateProject({ ...item, note: null }, 7))
console.log('\nOverview table over the 10,000 evaluations')
const plainSort = measure('baseline: copy and sort by deviation', 15, () =>
  [...evaluations].sort((a, b) => (a.spend.deviation ?? 0) - (b.spend.deviation ?? 0)),
)
const tableQuery = measure('queryProjects: default order (lagging first), no filter', 15, () =>
  queryProjects(evaluations, DEFAULT_TABLE_QUERY),
)
ratio('table query / baseline', tableQuery, plainSort)

const seed = readFileSync('mock-data/seed/000_de49ccc16f966567.txt', 'utf8')
console.log('\nSeed document (5 projects, 15 indicators)')
const lines = measure('baseline: split the text into trimmed lines', 50, () => seed.split('\n').map((line) => line.trim()))
const parse = measure('parseDocument', 50, () => parseDocument(seed))
ratio('parse / baseline', parse, lines)
