/**
 * Gives the page a turn between pieces of a run, so it paints the progress line and takes
 * clicks: `scheduler.yield()` where the browser has it (the run keeps its place ahead of other
 * tasks), else a message posted to ourselves, a new task without the 4 ms clamp nested
 * `setTimeout(0)` gets.
 */
export function pageTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
