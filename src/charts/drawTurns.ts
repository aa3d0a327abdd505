/**
 * Charts draw one per task. ECharts' `init` and first `setOption` take 40–70 ms a chart on this
 * machine; a page that mounts two or three at once (the project page, the meeting's slides)
 * held the main thread for all of them in one task after the page's own render. Each chart now
 * waits for its turn: a task of its own, after the charts that asked before it have drawn, so
 * the page's text paints first and no single task holds every chart.
 */
let queue: Promise<void> = Promise.resolve()

/** Resolves in a task of its own, after every earlier turn has run (a cancelled one included). */
export function nextDrawTurn(): Promise<void> {
  const turn = queue.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
  queue = turn
  return turn
}
