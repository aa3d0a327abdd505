/**
 * Parses a flattened 部门预算绩效信息 and prints it as JSON.
 * Usage: npm run -s parse -- FILE
 * stdout: the JSON (src/importers/parseJson.ts); stderr: one Chinese warning per line.
 * Exit 1 with a one-line Chinese + English error when the file is missing or unreadable.
 */
import { readFileSync } from 'node:fs'
import { parseDocument } from '../src/importers/document'
import { formatWarning, toParseJson } from '../src/importers/parseJson'

function main(argv: readonly string[]): number {
  const file = argv[0]
  if (file === undefined) {
    process.stderr.write('用法：npm run -s parse -- 文件 / usage: npm run -s parse -- FILE\n')
    return 1
  }
  let text: string
  try {
    // Decoding never throws: a non-UTF-8 file turns into replacement characters, which
    // parseDocument reports as "not a text file".
    text = new TextDecoder('utf-8').decode(readFileSync(file))
  } catch {
    process.stderr.write(`错误：无法读取文件 ${file} / error: cannot read file ${file}\n`)
    return 1
  }
  const result = parseDocument(text)
  for (const warning of result.warnings) process.stderr.write(`${formatWarning(warning)}\n`)
  if (!result.ok) {
    process.stderr.write(`错误：${result.error.message}\n`)
    return 1
  }
  process.stdout.write(`${JSON.stringify(toParseJson(result.document, result.warnings), null, 2)}\n`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
