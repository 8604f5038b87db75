import type { Operator } from './answer.js';

/** A write: a mutation that is not a dry run (an import's plan writes nothing). */
export const isWrite = (query: string, variables: Record<string, unknown> = {}) =>
  /^\s*mutation\b/.test(query) && variables.dryRun !== true;

const NOTHING_WRITTEN = '\nInterrupted: nothing was written.\n';
const MAY_BE_MADE =
  '\nStopped waiting: the write may have been made; check before running it again.\n';
const WAITING =
  '\nCtrl-C: a write was sent, and is made all or nothing whatever this command does; ' +
  'its outcome is reported (Ctrl-C again to stop waiting for it).\n';

/**
 * Ctrl-C and the CLI's writes. Before a write is sent, Ctrl-C stops the command at once: nothing
 * was written. Once one is sent, the database (or the server) finishes it, all or nothing,
 * whatever the CLI does, so the CLI stays to report it: it was killed between the commit and
 * its report, and an import that was made said nothing and exited 130. The embedded database
 * works in this thread, so a Ctrl-C there is seen only once the write is done.
 */
class Interrupts {
  private written = false;
  private asked = false;

  constructor(
    private readonly err: (text: string) => void,
    private readonly stop: () => void,
  ) {}

  /** `operator`, its writes watched. */
  watch(operator: Operator): Operator {
    return {
      ask: (query, variables) => {
        if (isWrite(query, variables)) this.written = true;
        return operator.ask(query, variables);
      },
      close: () => operator.close(),
    };
  }

  /** Ctrl-C: stop now, or, once a write was sent, report it first (a second Ctrl-C stops). */
  interrupt(): void {
    const last = !this.written ? NOTHING_WRITTEN : this.asked ? MAY_BE_MADE : null;
    if (last) {
      this.err(last);
      this.stop();
      return;
    }
    this.asked = true;
    this.err(WAITING);
  }
}

/**
 * Stops as Ctrl-C stops a program that does not catch it (a shell says 130), so a script
 * running the command stops too. `process.exit` would wait for good for a thread blocked
 * opening a named pipe no one writes to (`import org.pipe`).
 */
function stopByCtrlC(): void {
  process.removeAllListeners('SIGINT');
  process.kill(process.pid, 'SIGINT');
}

let interrupts: Interrupts | undefined;

/** This process's Ctrl-C, heard from now on: commands watch their operators' writes with it. */
export function ctrlC(): Interrupts {
  if (!interrupts) {
    const heard = new Interrupts((text) => process.stderr.write(text), stopByCtrlC);
    process.on('SIGINT', () => heard.interrupt());
    interrupts = heard;
  }
  return interrupts;
}
