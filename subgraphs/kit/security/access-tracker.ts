/** What one subgraph request touched of persons' data: the content of its one access record. */
export class AccessTracker {
  readonly personIds = new Set<string>();
  readonly fields = new Set<string>();
  readonly denied = new Set<string>();
  /** True when the request read aggregates over persons (statistics): recorded with no person id. */
  aggregate = false;

  read(personId: string, field: string): void {
    this.personIds.add(personId);
    this.fields.add(field);
  }

  /** An aggregate over persons was read (e.g. `PopulationStatistics.breakdown`). */
  readAggregate(field: string): void {
    this.aggregate = true;
    this.fields.add(field);
  }

  deny(personId: string): void {
    this.denied.add(personId);
  }

  get touched(): boolean {
    return this.personIds.size > 0 || this.denied.size > 0 || this.aggregate;
  }
}
