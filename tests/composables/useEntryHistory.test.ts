import { describe, expect, it } from 'vitest'
import { describeNoteChange } from '@/composables/useEntryHistory'
import type { NoteRecord } from '@/db/records'

const note = (explanation: string): NoteRecord => ({ projectId: 'p', month: 9, reasons: [], explanation, likelihood: null, actions: '' })
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)

describe('describeNoteChange: long explanations cut for the history panel', () => {
  it.each<[string, string]>([
    // Before: the 24th UTF-16 unit was the first half of 🎉, left alone before the ellipsis.
    [`${'资金'.repeat(11)}已🎉拨付到位`, `原因说明：${'资金'.repeat(11)}已🎉…`],
    ['👨‍👩‍👧‍👦'.repeat(30), `原因说明：${'👨‍👩‍👧‍👦'.repeat(24)}…`],
    ['资金已拨付', '原因说明：资金已拨付'],
  ])('%j shows as %j', (explanation, shown) => {
    const { newText } = describeNoteChange(null, note(explanation))
    expect(newText).toBe(shown)
    expect(hasLoneSurrogate(newText)).toBe(false)
  })
})
