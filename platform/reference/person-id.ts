/**
 * The graph's person id: `P` and 8 digits, a pseudonymous register number (resident registration
 * numbers never enter the graph, PIPA Art. 24-2). The format is the register's, not the synthetic
 * data's: row rules, the access log and the seeds all read it from here.
 */
export const PERSON_ID = /^P\d{8}$/;

/** The id of the register's n-th person. */
export const personId = (index: number): string => `P${String(index).padStart(8, "0")}`;
