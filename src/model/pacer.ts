/**
 * Gives the host a turn. In the task pane it is a new task, so the page paints the progress line
 * and takes the analyst's clicks; the command line has none.
 */
export type Pause = () => Promise<void>;

/**
 * A checkpoint for long work on the page's one thread: null (go on) until `budgetMs` have
 * passed since the last turn, then the pause to await. It returns null rather than a resolved
 * promise so a loop over every row costs a clock read, not a promise. Without a pause it is
 * always null.
 *
 * @example
 * pacer(undefined)() //= null
 */
export function pacer(pause: Pause | undefined, budgetMs = 40): () => Promise<void> | null {
  if (!pause) return () => null;
  let since = Date.now();
  return () => {
    if (Date.now() - since < budgetMs) return null;
    return pause().then(() => {
      since = Date.now();
    });
  };
}
