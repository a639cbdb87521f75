// The shell first says its own pid, inside an escape sequence a terminal would ignore, then becomes `sh`.
const PID_MARK = /\x1b\]7701;(\d+)\x07/;
export const SHELL = ["sh", "-c", 'printf "\\033]7701;%s\\007" "$$"; exec sh'];

/** Takes the shell's pid out of the start of its output; everything else passes through. */
export class ShellPid {
  value: number | null = null;
  private head: Buffer | null = Buffer.alloc(0);

  read(bytes: Buffer): Buffer {
    if (!this.head) return bytes;
    const seen = Buffer.concat([this.head, bytes]);
    const text = seen.toString("latin1");
    const mark = PID_MARK.exec(text);
    if (mark) {
      this.value = Number(mark[1]);
      this.head = null;
      return Buffer.concat([seen.subarray(0, mark.index), seen.subarray(mark.index + mark[0].length)]);
    }
    // No pid within the first bytes: a shell that cannot printf; pass its output on as is.
    if (seen.length > 256) {
      this.head = null;
      return seen;
    }
    this.head = seen;
    return Buffer.alloc(0);
  }
}

// `pkill -s` is not in every image: walk /proc for the session's processes (fields after the
// command name, which may hold spaces: state, ppid, pgrp, session).
const HANG_UP =
  'sid=$1; for f in /proc/[0-9]*/stat; do read -r l < "$f" || continue; set -- ${l##*) }; ' +
  'if [ "$4" = "$sid" ]; then p=${f#/proc/}; kill -HUP "${p%/stat}" 2>/dev/null; fi; done';

/** The command that hangs up a shell's whole session (its jobs too), as closing a terminal does. */
export function hangUpCommand(pid: number): string[] {
  return ["sh", "-c", HANG_UP, "berth-hang-up", String(pid)];
}
