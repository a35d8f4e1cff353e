import type { RunProgress } from "../job/runAssessment";
import { progressText } from "../job/progressText";

/** Where the progress line goes: the terminal's stderr, as Node gives it. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

// A run shorter than this says nothing: a progress line that flashes up is noise.
const QUIET_FOR_MS = 2000;
const REDRAW_MS = 200;

/**
 * One line on stderr that says what a long run is doing ("Computing sheet 12 of 50: …, 4 s"),
 * redrawn in place and wiped when the run ends. Shown only on a terminal, only after two
 * seconds, and never with `--quiet`, so piped output and short runs stay clean.
 */
export class ProgressLine {
  readonly #stream: ProgressStream | null;
  readonly #started = Date.now();
  #step: RunProgress | null = null;
  #drawn = false;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(stream: ProgressStream, quiet: boolean) {
    this.#stream = quiet || !stream.isTTY ? null : stream;
    if (this.#stream) {
      this.#timer = setInterval(() => this.#draw(), REDRAW_MS);
      this.#timer.unref?.();
    }
  }

  /** The job's progress listener. */
  readonly update = (step: RunProgress): void => {
    this.#step = step;
  };

  /** Stops and wipes the line, before the run's own output; once is enough, more is harmless. */
  end(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#step = null;
    if (this.#drawn) this.#stream?.write("\r\x1b[2K");
    this.#drawn = false;
  }

  #draw(): void {
    const elapsed = Date.now() - this.#started;
    if (!this.#stream || !this.#step || elapsed < QUIET_FOR_MS) return;
    this.#stream.write(`\r\x1b[2K${progressText(this.#step)} ${Math.floor(elapsed / 1000)} s`);
    this.#drawn = true;
  }
}
