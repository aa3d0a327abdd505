/**
 * Writes a generated bureau as a backup file, streamed to disk:
 *   npm run -s generate -- --projects 10000 --years 1 --out bureau.json
 * Options: --projects N per year (default 10000, in departments of 50), --years Y (default 3,
 * ending with 2024), --through M (months of the last year, default 7), --seed S, --out FILE.
 * Restore the file in 导入导出 → 从备份恢复.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import type { Month } from '../src/domain/types'
import { BUREAU_DEFAULTS, type BureauOptions } from './bureau'
import { writeBureauBackup } from './bureauBackup'

const PROJECTS_PER_DEPARTMENT = BUREAU_DEFAULTS.projectsPerDepartment

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name} must be an integer from ${min} to ${max}, got ${text}`)
  return value
}

const { values } = parseArgs({
  options: {
    projects: { type: 'string' },
    years: { type: 'string' },
    through: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
  },
})
if (values.out === undefined) fail('usage: generate -- [--projects N] [--years Y] [--through M] [--seed S] --out FILE.json')
const projects = integer('projects', values.projects, 10_000, 1, 1_000_000)
const yearCount = integer('years', values.years, BUREAU_DEFAULTS.years.length, 1, 20)
const lastYear = BUREAU_DEFAULTS.years[BUREAU_DEFAULTS.years.length - 1] ?? 2024
const options: BureauOptions = {
  seed: integer('seed', values.seed, BUREAU_DEFAULTS.seed, 0, 2 ** 32 - 1),
  departments: Math.ceil(projects / PROJECTS_PER_DEPARTMENT),
  projectsPerDepartment: Math.min(projects, PROJECTS_PER_DEPARTMENT),
  years: Array.from({ length: yearCount }, (_, i) => lastYear - yearCount + 1 + i),
  throughMonth: integer('through', values.through, BUREAU_DEFAULTS.throughMonth, 1, 12) as Month,
}
if (options.departments * options.projectsPerDepartment !== projects) {
  fail(`--projects must be a multiple of ${PROJECTS_PER_DEPARTMENT} (departments of ${PROJECTS_PER_DEPARTMENT} projects), or fewer`)
}

const out = createWriteStream(values.out)
const counts = await writeBureauBackup(options, async (chunk) => {
  if (!out.write(chunk)) await once(out, 'drain')
})
out.end()
await once(out, 'finish')
process.stderr.write(
  `${values.out}: ${counts.departments} departments, ${counts.projects} projects (${options.years.join(', ')}), ` +
    `${counts.indicators} indicators, ${counts.monthlyRows} monthly rows\n`,
)
