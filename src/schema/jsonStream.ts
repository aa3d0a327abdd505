/**
 * A JSON reader fed text in chunks, for files too large for one JSON.parse (a bureau's backup
 * of a million monthly rows). It walks the containers the caller descends into (the backup's
 * top object and its `tables`) and hands over each element of the arrays the caller reads row
 * by row, each parsed on its own: only one element's text is held at a time, so a file of any
 * size is read in the memory of its rows. Everything else is parsed whole and handed over as a
 * value. Chunks may end anywhere (inside a string, an escape, a number or between two halves of
 * a text; bytes are decoded before, see decodeUtf8Chunks). Malformed JSON throws JsonStreamError.
 */

export type JsonPath = readonly string[]

export interface JsonStreamHandlers {
  /** Objects at this path are walked key by key (the others are values). */
  readonly descends: (path: JsonPath) => boolean
  /** Arrays at this path are read element by element (the others are values). */
  readonly readsRows: (path: JsonPath) => boolean
  /** A whole value at `path` (not a walked object, not a row array). */
  readonly value: (path: JsonPath, value: unknown) => void
  /** A row array at `path` begins. */
  readonly rowsStart: (path: JsonPath) => void
  /** Element `index` (0-based) of the row array at `path`. */
  readonly row: (path: JsonPath, value: unknown, index: number) => void
}

/** The text is not JSON, or it ended before the JSON did. */
export class JsonStreamError extends Error {
  override readonly name = 'JsonStreamError'
}

type ObjectState = 'keyOrEnd' | 'key' | 'colon' | 'value' | 'commaOrEnd'
type ArrayState = 'valueOrEnd' | 'value' | 'commaOrEnd'
type Frame =
  | { readonly kind: 'object'; readonly path: JsonPath; state: ObjectState; key: string }
  | { readonly kind: 'array'; readonly path: JsonPath; state: ArrayState; index: number }

/** A value being collected as text: a string, a container (nesting counted) or a bare number/literal. */
interface Capture {
  start: number
  readonly kind: 'string' | 'container' | 'bare'
  readonly role: 'key' | 'row' | 'value'
  readonly path: JsonPath
  depth: number
  isInString: boolean
  isEscaped: boolean
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
// A bare value (number, true, false, null) ends at any of these.
const endsBare = (c: number) => isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d || c === 0x3a || c === 0x22 || c === 0x5b || c === 0x7b

/** A reader to `push` text chunks into and `end` when the text is complete. */
export function createJsonStreamReader(handlers: JsonStreamHandlers): { push(text: string): void; end(): void } {
  const frames: Frame[] = []
  let phase: 'start' | 'inside' | 'done' = 'start'
  let buffer = ''
  let capture: Capture | null = null
  let offset = 0 // characters before the buffer, for error positions
  let resumeAt = 0

  const fail = (at: number, what: string): never => {
    throw new JsonStreamError(`${what}（第 ${offset + at + 1} 个字符）`)
  }

  function afterValue(): void {
    const top = frames.at(-1)
    if (!top) phase = 'done'
    else top.state = 'commaOrEnd'
  }

  function deliver(end: number): void {
    const c = capture as Capture
    capture = null
    let value: unknown
    try {
      value = JSON.parse(buffer.slice(c.start, end))
    } catch {
      fail(c.start, '不是有效的 JSON 值')
    }
    const top = frames.at(-1)
    if (c.role === 'key' && top?.kind === 'object') {
      top.key = value as string
      top.state = 'colon'
      return
    }
    if (c.role === 'row' && top?.kind === 'array') handlers.row(top.path, value, top.index++)
    else handlers.value(c.path, value)
    afterValue()
  }

  function begin(at: number, code: number, path: JsonPath, role: 'row' | 'value'): void {
    if (role === 'value' && code === 0x7b && handlers.descends(path)) {
      frames.push({ kind: 'object', path, state: 'keyOrEnd', key: '' })
      return
    }
    if (role === 'value' && code === 0x5b && handlers.readsRows(path)) {
      frames.push({ kind: 'array', path, state: 'valueOrEnd', index: 0 })
      handlers.rowsStart(path)
      return
    }
    const kind = code === QUOTE ? 'string' : code === 0x7b || code === 0x5b ? 'container' : 'bare'
    if (kind === 'bare' && endsBare(code)) fail(at, `此处不应出现「${String.fromCharCode(code)}」`)
    capture = { start: at, kind, role, path, depth: kind === 'container' ? 1 : 0, isInString: false, isEscaped: false }
  }

  function close(at: number, code: number): void {
    const top = frames.pop()
    if (!top || (top.kind === 'object') !== (code === 0x7d)) return fail(at, '括号不匹配')
    afterValue()
  }

  /** Scans the captured value from `i`; returns where scanning stopped (the buffer's end if unfinished). */
  function scanCapture(i: number): number {
    const c = capture as Capture
    const length = buffer.length
    if (c.kind === 'bare') {
      while (i < length && !endsBare(buffer.charCodeAt(i))) i++
      if (i < length) deliver(i)
      return i
    }
    // The opening quote or bracket is counted already (a string is inside its quotes from the start).
    if (i === c.start) {
      c.isInString = c.kind === 'string'
      i++
    }
    for (; i < length; i++) {
      const code = buffer.charCodeAt(i)
      if (c.isInString) {
        if (c.isEscaped) c.isEscaped = false
        else if (code === BACKSLASH) c.isEscaped = true
        else if (code === QUOTE) {
          c.isInString = false
          if (c.kind === 'string') {
            deliver(i + 1)
            return i + 1
          }
        }
      } else if (code === QUOTE) c.isInString = true
      else if (code === 0x7b || code === 0x5b) c.depth++
      else if (code === 0x7d || code === 0x5d) {
        if (--c.depth === 0) {
          deliver(i + 1)
          return i + 1
        }
      }
    }
    return i
  }

  function step(i: number, code: number): void {
    const top = frames.at(-1)
    if (phase === 'done') return fail(i, 'JSON 结束后还有多余的内容')
    if (!top) {
      phase = 'inside'
      return begin(i, code, [], 'value')
    }
    if (top.kind === 'object') {
      if (top.state === 'colon') {
        if (code !== 0x3a) fail(i, '缺少冒号')
        top.state = 'value'
      } else if (top.state === 'value') begin(i, code, [...top.path, top.key], 'value')
      else if (top.state === 'commaOrEnd') {
        if (code === 0x2c) top.state = 'key'
        else if (code === 0x7d) close(i, code)
        else fail(i, '缺少逗号')
      } else if (code === QUOTE) capture = { start: i, kind: 'string', role: 'key', path: top.path, depth: 0, isInString: false, isEscaped: false }
      else if (code === 0x7d && top.state === 'keyOrEnd') close(i, code)
      else fail(i, '应为用引号括起的字段名')
      return
    }
    if (top.state === 'commaOrEnd') {
      if (code === 0x2c) top.state = 'value'
      else if (code === 0x5d) close(i, code)
      else fail(i, '缺少逗号')
    } else if (code === 0x5d && top.state === 'valueOrEnd') close(i, code)
    else begin(i, code, top.path, 'row')
  }

  function push(text: string): void {
    buffer += phase === 'start' && buffer === '' ? text.replace(/^\uFEFF/, '') : text
    // An unfinished value's text is at the buffer's start: resume scanning where the last chunk stopped.
    let i = capture ? resumeAt : 0
    while (i < buffer.length) {
      if (capture) {
        i = scanCapture(i)
        continue
      }
      const code = buffer.charCodeAt(i)
      if (isSpace(code)) {
        i++
        continue
      }
      step(i, code)
      // A capture begun here is scanned from its first character; anything else is consumed.
      if (!capture) i++
    }
    // Keep only the unfinished value's text for the next chunk.
    const keep = capture ? capture.start : buffer.length
    offset += keep
    buffer = buffer.slice(keep)
    if (capture) {
      resumeAt = buffer.length
      capture.start = 0
    }
  }
  function end(): void {
    if (capture?.kind === 'bare') deliver(buffer.length)
    if (capture || frames.length > 0 || phase !== 'done') fail(buffer.length, '文件不完整')
  }

  return { push, end }
}

/** Text chunks from UTF-8 byte chunks; a character split between two chunks is kept whole. */
export async function* decodeUtf8Chunks(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch {
      throw new JsonStreamError('不是 UTF-8 编码的文本')
    }
  }
  for await (const chunk of bytes) {
    const text = decode(chunk)
    if (text) yield text
  }
  const rest = decode()
  if (rest) yield rest
}
