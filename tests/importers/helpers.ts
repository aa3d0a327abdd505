import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { parseDocument, type DocumentParseResult, type ParsedDocument } from '../../src/importers/document'

/** Absolute path of a file given relative to the repository root. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url))
}

export const SEED_PATH = repoPath('mock-data/seed/000_de49ccc16f966567.txt')

export function readRepoFile(relative: string): string {
  return readFileSync(repoPath(relative), 'utf8')
}

export function readFixture(name: string): string {
  return readRepoFile(`tests/fixtures/${name}`)
}

/** Parses and asserts success, returning the document and warnings. */
export function parseOk(text: string): { document: ParsedDocument; warnings: Extract<DocumentParseResult, { ok: true }>['warnings'] } {
  const result = parseDocument(text)
  if (!result.ok) expect.fail(`expected ok, got: ${result.error.message}`)
  return { document: result.document, warnings: result.warnings }
}

/** Parses and asserts failure, returning the error. */
export function parseError(text: string): Extract<DocumentParseResult, { ok: false }> {
  const result = parseDocument(text)
  if (result.ok) expect.fail('expected an error, got ok')
  return result
}

export type Table = ReadonlyArray<readonly string[]>

/** The seed's layout: a tab before each cell, a blank line after each row. */
export function asCellLines(rows: Table): string {
  return rows.map((cells) => cells.map((cell) => `\t${cell}`).join('\n')).join('\n\n')
}

/** One row per line, cells between pipes; markdown adds outer pipes and a `---` row. */
export function asPipes(rows: Table, isMarkdown: boolean): string {
  return rows
    .map((cells, index) => {
      const body = cells.map((cell) => cell.replace(/\n/g, '<br>')).join(' | ')
      if (!isMarkdown) return body
      const separator = index === 0 ? `\n|${cells.map(() => '---').join('|')}|` : ''
      return `| ${body} |${separator}`
    })
    .join('\n')
}

/** One row per line, cells between tabs; cells with line breaks quoted as Excel does. */
export function asTabs(rows: Table): string {
  return rows
    .map((cells) => cells.map((cell) => (/[\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t'))
    .join('\n')
}
