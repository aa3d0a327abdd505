import { describe, expect, it } from 'vitest'
import { evaluateProject } from '@/domain'
import type { Month, ProjectStatus } from '@/domain/types'
import { parseBackupText } from '@/schema/backup'
import { BUREAU_DEFAULTS, generateBureau, generateBureauProject, type BureauOptions } from '../../mock-data/bureau'
import { writeBureauBackup } from '../../mock-data/bureauBackup'

const SMALL: BureauOptions = { seed: 7, departments: 20, projectsPerDepartment: 50, years: [2023, 2024], throughMonth: 7 }

/** Shares of each status, evaluated by the domain at each year's last reported month. */
function statusMix(options: BureauOptions): { shares: Record<ProjectStatus, number>; byYear: Map<number, Record<ProjectStatus, number>> } {
  const tally = (): Record<ProjectStatus, number> => ({ green: 0, yellow: 0, red: 0, unreported: 0 })
  const all = tally()
  const byYear = new Map<number, Record<ProjectStatus, number>>()
  const last = options.years[options.years.length - 1]
  for (const item of generateBureau(options)) {
    const month: Month = item.project.year === last ? options.throughMonth : 12
    const { status } = evaluateProject({ ...item, note: null }, month)
    all[status]++
    const year = byYear.get(item.project.year) ?? tally()
    year[status]++
    byYear.set(item.project.year, year)
  }
  const total = Object.values(all).reduce((a, b) => a + b, 0)
  const share = (counts: Record<ProjectStatus, number>, n: number) =>
    Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) as Record<ProjectStatus, number>
  const perYear = total / options.years.length
  return { shares: share(all, total), byYear: new Map([...byYear].map(([y, c]) => [y, share(c, perYear)])) }
}

describe('generated bureau', () => {
  it('makes the same project from the same seed, and another from another seed', () => {
    const a = generateBureauProject(SMALL, 2024, 123)
    expect(generateBureauProject(SMALL, 2024, 123)).toEqual(a)
    expect(generateBureauProject({ ...SMALL, seed: 8 }, 2024, 123)).not.toEqual(a)
    expect(a.project.id).toBe(`2024/${a.project.departmentCode}/${a.project.code}`)
    expect(a.indicators).toHaveLength(3)
  })

  it('has a realistic status mix: most projects green, some yellow, fewer red, a few not reported', () => {
    const { shares, byYear } = statusMix(SMALL)
    expect(shares.green).toBeGreaterThan(0.6)
    expect(shares.yellow).toBeGreaterThan(0.1)
    expect(shares.yellow).toBeLessThan(0.3)
    expect(shares.red).toBeGreaterThan(0.04)
    expect(shares.red).toBeLessThan(shares.yellow)
    expect(shares.unreported).toBeLessThan(0.05)
    // Late reporters exist only in the current round; a closed year is fully reported.
    expect(byYear.get(2024)?.unreported).toBeGreaterThan(0)
    expect(byYear.get(2023)?.unreported).toBe(0)
  })

  it('makes about a million monthly rows for 200 departments × 50 projects over three years', () => {
    let rows = 0
    let projects = 0
    for (const item of generateBureau(BUREAU_DEFAULTS)) {
      projects++
      rows += item.spending.length + item.values.length
    }
    expect(projects).toBe(30_000)
    expect(rows).toBeGreaterThan(1_000_000)
    expect(rows).toBeLessThan(1_300_000)
  })

  it('writes a backup file that the app validates and restores as it is', async () => {
    const options: BureauOptions = { ...SMALL, departments: 2 }
    const chunks: string[] = []
    const counts = await writeBureauBackup(options, (chunk) => void chunks.push(chunk))
    // Streamed: many small chunks, none holding the file.
    expect(chunks.length).toBeGreaterThan(10)
    const text = chunks.join('')
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(text.length / 4)
    const validation = parseBackupText(text)
    if (!validation.ok) throw new Error(validation.error)
    expect(validation.summary).toMatchObject({ projectCount: 200, indicatorCount: 600, entryCount: counts.monthlyRows, years: [2024, 2023] })
    expect(validation.summary.departments.map((d) => [d.code, d.name, d.projectCount])).toEqual([
      ['400001', '市教育局', 100],
      ['400002', '市公安局', 100],
    ])
    // Orders restart in each department's year, as an import numbers a document's projects.
    const orders = validation.backup.tables.projects.filter((p) => p.year === 2024 && p.departmentCode === '400002').map((p) => p.order)
    expect(orders).toEqual(Array.from({ length: 50 }, (_, i) => i))
    // Byte-for-byte the same file from the same seed.
    const again: string[] = []
    await writeBureauBackup(options, (chunk) => void again.push(chunk))
    expect(again.join('')).toBe(text)
  })
})
