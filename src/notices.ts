// Warnings for stderr, each said once per run however often it is raised.
export class Notices {
  private readonly said = new Set<string>();

  constructor(private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  warn(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.write(`restaurant-menu: ${message}`);
  }
}
