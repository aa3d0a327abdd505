import type { DocumentParseError } from './types'

/** What a block reader returns: its value, or the error that stops the whole import. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DocumentParseError }

/** Records a guess about one cell of the current project (field = the cell's label). */
export type Warn = (field: string, message: string) => void

/** A parse error with its message in Chinese then English, prefixed with the line when known. */
export function failure(zh: string, en: string, line: number | null, expected: string): DocumentParseError {
  const where = line === null ? { zh: '', en: '' } : { zh: `第 ${line} 行：`, en: `line ${line}: ` }
  return { message: `${where.zh}${zh} / ${where.en}${en}`, line, expected }
}

/** Wraps an error as a failed Outcome of any value type. */
export function fail<T>(error: DocumentParseError): Outcome<T> {
  return { ok: false, error }
}
