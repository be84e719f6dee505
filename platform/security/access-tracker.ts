/**
 * What one subgraph request touched of persons' data: the content of its access records. A person
 * is `read` once data about them has been resolved without error (their existence and id count:
 * people records `Person.id` for every person it hands out); a person is `denied` when a row rule
 * refused them. A refused read is never also a read: the field whose resolver refused is noted
 * among `deniedFields`, not among `fields`.
 */
export class AccessTracker {
  readonly personIds = new Set<string>();
  readonly fields = new Set<string>();
  readonly denied = new Set<string>();
  readonly deniedFields = new Set<string>();
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

  deny(personId: string, field?: string): void {
    this.denied.add(personId);
    if (field) this.deniedFields.add(field);
  }

  get touched(): boolean {
    return this.personIds.size > 0 || this.denied.size > 0 || this.aggregate;
  }
}
