// Notes for stderr, each said once per run however often it is raised. They are collected and
// printed after the command's output, so that the end of what a user sees says what is missing.
export class Notices {
  private readonly lines: string[] = [];
  private readonly said = new Set<string>();

  warn(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.lines.push(message);
  }

  /** The notes not yet printed, in order; taking them empties the queue (not the memory of what was said). */
  take(): string[] {
    return this.lines.splice(0);
  }
}
