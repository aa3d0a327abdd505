/**
 * Parses a department's 部门预算绩效信息 and prints it as JSON.
 * Usage: npm run -s parse -- FILE   (a .docx, or a text file in UTF-8, UTF-16 or GBK)
 * stdout: the JSON (src/importers/parseJson.ts); stderr: one Chinese warning per line.
 * Exit 1 when the file is missing or unreadable, with one line per blocking error
 * (Chinese + English), after the warnings.
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
  // The app's own reader: a .docx through mammoth, text decoded as the browser decodes it;
  // a binary file that is neither becomes a "not a text file" error.
  const { result } = await readDocumentFile(bytes, file)
  for (const warning of result.warnings) process.stderr.write(`${formatWarning(warning)}\n`)
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`错误：${error.message}\n`)
    return 1
  }
  process.stdout.write(`${JSON.stringify(toParseJson(result.document, result.warnings), null, 2)}\n`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
