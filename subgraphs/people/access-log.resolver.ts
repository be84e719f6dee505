/** Person.accessLog: the person's own access history, newest first, read from the access log (audit.access_log). */
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { badUserInput } from "../kit/errors";
import { Program } from "../kit/eligibility";
import { PROGRAM_SUBGRAPHS } from "../../platform/subgraphs";
import { AccessLogEntry } from "./access-log";
import { citizenSelf } from "./consent.resolver";
import { Person } from "./person";

/** The program field each program subgraph records on every read (and a reuse from the gateway's cache records alike). */
const PROGRAM_OF_FIELD: Record<string, Program> = Object.fromEntries(PROGRAM_SUBGRAPHS.map((s) => [`Person.${s.program.personField}`, s.program.value]));

export const MAX_ACCESS_LOG_PAGE = 100;

interface EntryRow {
  request_id: string;
  caller: string;
  refused: boolean;
  at: string;
  who: string;
  audience: string;
  purpose: string | null;
  /** The fields of every record of the entry. */
  fields: string[][];
}

/**
 * One entry per request, caller and outcome: the records every subgraph of that request wrote,
 * grouped. The request id is the gateway's own (never the client's), and the caller is part of the
 * key all the same, so two callers can never share an entry. A refusal (DENIED) is an entry of its
 * own, marked `refused`, never counted as an access.
 */
const ENTRIES_SQL = `
select record->>'requestId' as request_id, record->>'caller' as caller, record->>'outcome' = 'DENIED' as refused,
       min(record->>'at') as at, min(record->>'organisation') as who,
       min(record->>'audience') as audience, min(record->>'purpose') as purpose,
       jsonb_agg(record->'fields') as fields
from audit.access_log
where record->'personIds' ? $1 and record->>'outcome' in ('ALLOWED', 'DENIED')
group by record->>'requestId', record->>'caller', record->>'outcome'
having $2::text is null
    or (min(record->>'at'), record->>'requestId', record->>'caller', (record->>'outcome' = 'DENIED')::int) < ($2::text, $3::text, $4::text, $5::int)
order by at desc, request_id desc, caller desc, refused desc
limit $6`;

type Position = [at: string, requestId: string, caller: string, refused: 0 | 1];

const encodeCursor = (row: EntryRow) => Buffer.from(JSON.stringify([row.at, row.request_id, row.caller, row.refused ? 1 : 0])).toString("base64url");
function decodeCursor(cursor: string): Position {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown;
    if (Array.isArray(value) && value.length === 4 && value.slice(0, 3).every((v) => typeof v === "string") && (value[3] === 0 || value[3] === 1)) return value as Position;
  } catch {
    /* fall through */
  }
  throw badUserInput("after", `"after" must be the cursor of an accessLog entry.`);
}

@Resolver(() => Person)
export class AccessLogResolver {
  @Directive("@authenticated")
  @FieldResolver(() => [AccessLogEntry], {
    description: `Who accessed this person's data, or asked for it and was refused (refused: true), newest first (the person themself only; at most ${MAX_ACCESS_LOG_PAGE} entries a page).`,
  })
  async accessLog(
    @Root() person: Person,
    @Arg("first", () => Int, { defaultValue: 20, description: `Entries to return, 1-${MAX_ACCESS_LOG_PAGE}.` }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last entry already seen." }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AccessLogEntry[]> {
    const self = citizenSelf(ctx, person.id);
    if (first < 1 || first > MAX_ACCESS_LOG_PAGE) throw badUserInput("first", `"first" must be between 1 and ${MAX_ACCESS_LOG_PAGE}.`);
    const position = after ? decodeCursor(after) : [null, null, null, null];
    const rows = await ctx.security.accessStore.query<EntryRow>(ENTRIES_SQL, [self, ...position, first]);
    return rows.map((row) => ({
      cursor: encodeCursor(row),
      at: row.at,
      who: row.who,
      audience: row.audience,
      purpose: row.purpose,
      refused: row.refused,
      programs: [...new Set(row.fields.flat().flatMap((f) => (PROGRAM_OF_FIELD[f] ? [PROGRAM_OF_FIELD[f]] : [])))].sort(),
    }));
  }
}
