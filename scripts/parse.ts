/**
 * Parses a department's 部门预算绩效信息 and prints it as JSON.
 * Usage: npm run -s parse -- FILE   (.docx, .xlsx, or a text file .txt/.md/.tsv in UTF-8, UTF-16 or GBK)
 * stdout: the JSON (src/importers/parseJson.ts) of the complete projects, with the tables
 * that cannot be imported under "incomplete"; stderr: one Chinese warning per line, then
 * one line per blocking error (Chinese + English).
 * Exit 0 when at least one project is complete, 1 when none is or the file is unreadable.
 */
import { readFileSync } from 'node:fs'
import { readDocumentFile } from '../src/importers/documentFile'
import { formatWarning, toParseJson } from '../src/importers/parseJson'

async function main(argv: readonly string[]): Promise<number> {
  const file = argv[0]
  if (file === undefined) {
    process.stderr.write('用法：npm run -s parse -- 文件 / usage: npm run -s parse -- FILE\n')
    return 1
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(file))
  } catch {
    process.stderr.write(`错误：无法读取文件 ${file} / error: cannot read file ${file}\n`)
    return 1
  }
  // The app's own reader: a .docx through mammoth, an .xlsx through exceljs, text decoded as the browser decodes it;
  // a binary file that is neither becomes a "not a text file" error.
  const { result, sheets } = await readDocumentFile(bytes, file)
  for (const warning of result.warnings) process.stderr.write(`${formatWarning(warning)}\n`)
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`错误：${error.message}\n`)
    return 1
  }
  // A partial document: the complete projects print, the others are listed with their errors.
  for (const error of result.incomplete.flatMap((project) => project.errors)) process.stderr.write(`错误：${error.message}\n`)
  const json = toParseJson(result.document, result.warnings, { incomplete: result.incomplete, sheets })
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
