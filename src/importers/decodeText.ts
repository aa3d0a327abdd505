/**
 * Text files as users have them: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
 * text") and GBK / GB18030 (what Chinese Windows, Notepad and WPS save as "ANSI").
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText {
  readonly text: string
  readonly encoding: TextEncodingName
}

/** Chinese name of an encoding, for the preview. */
export const ENCODING_LABELS: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16（Unicode 文本）',
  'utf-16be': 'UTF-16（Unicode 文本）',
  'gb18030': 'GBK / GB18030',
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/** Decodes a text file's bytes: byte-order mark first, then strict UTF-8, else GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  try {
    // fatal: a GBK file is almost never valid UTF-8, so the first bad byte decides.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}
