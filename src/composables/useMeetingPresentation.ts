import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/** What a key does in a slide show; null for keys the show leaves alone. */
export type SlideCommand = 'next' | 'previous' | 'first' | 'last' | 'leave'

/**
 * The command of a key press. Presentation clickers send PageDown/PageUp (some send the
 * arrow keys), so both work; Space goes forward and Shift+Space back, as in slide software.
 */
export function slideCommand(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): SlideCommand | null {
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next'
    case ' ':
    case 'Spacebar':
      return event.shiftKey ? 'previous' : 'next'
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous'
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    case 'Escape':
      return 'leave'
    default:
      return null
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * Slide position and keyboard control of a full-screen slide show. `isPaused` (e.g. while the
 * record drawer is open) hands the keys back to the page; `leave` runs on Escape, and when
 * full screen that the show entered is left (the browser eats that first Escape).
 */
export function useMeetingPresentation(count: MaybeRefOrGetter<number>, isPaused: MaybeRefOrGetter<boolean>, leave: () => void) {
  const index = shallowRef(0)
  const last = computed(() => Math.max(toValue(count) - 1, 0))
  const isFullscreen = shallowRef(typeof document !== 'undefined' && document.fullscreenElement !== null)
  watch(last, (max) => {
    if (index.value > max) index.value = max
  })

  function go(command: SlideCommand): void {
    if (command === 'leave') return leave()
    const target = { next: index.value + 1, previous: index.value - 1, first: 0, last: last.value }[command]
    index.value = Math.min(Math.max(target, 0), last.value)
  }

  function onKeydown(event: KeyboardEvent): void {
    if (toValue(isPaused) || isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return
    const command = slideCommand(event)
    if (command === null) return
    event.preventDefault()
    go(command)
  }

  function onFullscreenChange(): void {
    const wasFullscreen = isFullscreen.value
    isFullscreen.value = document.fullscreenElement !== null
    if (wasFullscreen && !isFullscreen.value && !toValue(isPaused)) leave()
  }

  /** Asks for full screen (call from a click); the show keeps working in a window if refused. */
  async function enterFullscreen(): Promise<void> {
    try {
      await document.documentElement.requestFullscreen?.()
    } catch {
      /* refused: stay in the window */
    }
  }

  window.addEventListener('keydown', onKeydown)
  document.addEventListener('fullscreenchange', onFullscreenChange)
  onScopeDispose(() => {
    window.removeEventListener('keydown', onKeydown)
    document.removeEventListener('fullscreenchange', onFullscreenChange)
  })
  return { index, last, isFullscreen, go, enterFullscreen }
}
