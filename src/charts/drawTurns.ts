/**
 * Charts draw one per task. ECharts' `init` and first `setOption` take 40–70 ms a chart on this
 * machine; a page that mounts two or three at once (the project page, the meeting's slides)
 * held the main thread for all of them in the task that mounted the page. A chart asked for
 * when none has drawn in this task and none is waiting draws at once, with its page; each one
 * asked after it waits for a task of its own, in the order asked.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** The turn given out last (resolved: the last chart drew in this task or an earlier one). */
let last: Promise<void> = Promise.resolve()
/** Turns given out and not yet come. */
let waiting = 0
/** A chart drew in the current task (cleared by the next task). */
let isTaskTaken = false

function takeTask(): void {
  isTaskTaken = true
  setTimeout(() => (isTaskTaken = false), 0)
}

/** null: draw now. Otherwise a promise that resolves in a task of its own, after every earlier turn. */
export function nextDrawTurn(): Promise<void> | null {
  if (waiting === 0 && !isTaskTaken) {
    takeTask()
    last = Promise.resolve()
    return null
  }
  waiting++
  const turn = last.then(nextTask).then(() => {
    waiting--
    takeTask()
  })
  last = turn
  return turn
}
