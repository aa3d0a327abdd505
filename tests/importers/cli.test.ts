import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoPath, SEED_PATH } from './helpers'

const ROOT = repoPath('.')

function runParse(file: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(repoPath('node_modules/.bin/tsx'), ['scripts/parse.ts', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('scripts/parse.ts', () => {
  it('prints the seed as JSON and its warnings on stderr', () => {
    const { status, stdout, stderr } = runParse(SEED_PATH)
    expect(status).toBe(0)
    const json = JSON.parse(stdout) as {
      year: number
      department: { code: string; name: string }
      projects: Array<{ code: string; budget: { total: number }; plan: Record<string, number | null>; indicators: unknown[] }>
      warnings: unknown[]
    }
    expect(json.year).toBe(2020)
    expect(json.department).toEqual({ code: '315002', name: '秦皇岛市北戴河区司法局' })
    expect(json.projects.map((p) => p.budget.total)).toEqual([3, 4, 6.3, 5.75, 2])
    expect(json.projects[2]?.plan).toEqual({ '3': null, '6': null, '10': null, '12': 100 })
    expect(json.projects.flatMap((p) => p.indicators)).toHaveLength(15)
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(json.warnings.length)
    expect(lines.every((line) => line.startsWith('警告：'))).toBe(true)
    expect(stderr).toContain('人民调解员补贴')
  }, 60_000)

  it('exits 1 with a one-line error naming the real cause for a file without project tables', () => {
    const { status, stdout, stderr } = runParse(repoPath('tests/fixtures/error-no-project-2020-overview.txt'))
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^错误：第 1 行：这是部门（单位）整体支出的绩效目标或评价表.* \/ line 1: a department-wide form/)
  }, 60_000)

  it('reads an .xlsx workbook sheet by sheet and lists its sheets', () => {
    const { status, stdout } = runParse(repoPath('tests/fixtures/xlsx-sheets-2022-housing.xlsx'))
    expect(status).toBe(0)
    const json = JSON.parse(stdout) as { projects: Array<{ name: string }>; sheets: Array<{ name: string; projects: number }> }
    expect(json.projects.map((p) => p.name)).toEqual(['老旧小区综合改造', '建筑工地安全巡查', '住房保障信息系统运维'])
    expect(json.sheets.map((s) => s.projects)).toEqual([0, 1, 2])
  }, 60_000)

  it('exits 1 for an .xls with what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'))
    const xls = join(dir, '绩效目标.xls')
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    const { status, stderr } = runParse(xls)
    expect(status).toBe(1)
    expect(stderr).toMatch(/旧版 Excel 文件（\.xls）.*另存为 \.xlsx 后导入/)
  }, 60_000)

  it('reads a .docx as the app does (mammoth in node)', () => {
    const { status, stdout, stderr } = runParse(repoPath('tests/fixtures/docx-merged-2022-transport.docx'))
    expect(status).toBe(0)
    const json = JSON.parse(stdout) as {
      year: number
      department: { code: string; name: string }
      projects: Array<{ name: string; budget: { total: number }; indicators: unknown[] }>
      warnings: unknown[]
    }
    expect(json.year).toBe(2022)
    expect(json.department).toEqual({ code: '410526', name: '滑县交通运输局' })
    expect(json.projects.map((p) => p.budget.total)).toEqual([260, 85.5])
    expect(json.projects.flatMap((p) => p.indicators)).toHaveLength(9)
    expect(stderr.trim().split('\n')).toHaveLength(json.warnings.length)
  }, 60_000)

  it('prints the complete projects of a partial document, lists the incomplete ones and exits 0', () => {
    const { status, stdout, stderr } = runParse(repoPath('tests/fixtures/error-many-2021-emergency.txt'))
    expect(status).toBe(0)
    const json = JSON.parse(stdout) as { projects: Array<{ name: string }>; incomplete: Array<{ name: string; line: number; missing: string[] }> }
    expect(json.projects.map((p) => p.name)).toEqual(['防灾减灾宣传经费'])
    expect(json.incomplete).toEqual([
      { name: '安全生产执法经费', line: 5, missing: ['预算数'] },
      { name: '应急演练经费', line: 14, missing: ['其中：财政资金'] },
      { name: '应急物资储备经费', line: 23, missing: ['三级指标'] },
      { name: '应急值守经费', line: 41, missing: ['项目编码'] },
    ])
    const errors = stderr.trim().split('\n').filter((line) => line.startsWith('错误：'))
    expect(errors).toHaveLength(4)
    expect(errors[0]).toMatch(/^错误：第 6 行：项目「安全生产执法经费」的预算数「叁万元」/)
  }, 60_000)

  it('exits 1 when no project is complete, with every error', () => {
    const { status, stdout, stderr } = runParse(repoPath('tests/fixtures/error-budget-text-2021-culture.md'))
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^错误：第 6 行：.*预算数「叁拾万元整」不是金额数字/m)
  }, 60_000)

  it('exits 1 for a broken .docx, a binary file and a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'))
    const broken = join(dir, 'budget.docx')
    writeFileSync(broken, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x08]))
    const docx = runParse(broken)
    expect(docx.status).toBe(1)
    expect(docx.stderr).toMatch(/^错误：无法打开这个 Word 文件/)

    const binary = join(dir, 'budget.txt')
    writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]))
    const garbage = runParse(binary)
    expect(garbage.status).toBe(1)
    expect(garbage.stderr).toMatch(/不是文本/)

    const missing = runParse(join(dir, 'nope.txt'))
    expect(missing.status).toBe(1)
    expect(missing.stderr.trim()).toBe(`错误：无法读取文件 ${join(dir, 'nope.txt')} / error: cannot read file ${join(dir, 'nope.txt')}`)
  }, 60_000)
})
