/**
 * Stable pseudonymous person ids for the analyst view (PIPA Art. 2 1-2 and 28-2: pseudonymised
 * data may be processed for statistics and research without consent, if it cannot identify anyone
 * without additional information kept apart).
 *
 *   pseudonym = "anon-" + base64url(AES-256(key, pad(personId)))     one 16-byte block, no IV
 *
 * A single AES block under a secret key is a pseudorandom permutation: the same person always gets
 * the same pseudonym (analysts can join and count), and without the key the pseudonym says nothing
 * about the id. Only the subgraphs hold the key (PSEUDONYM_KEY, 64 hex characters; in development
 * one generated once into .data/dev-keys/pseudonym.key): they turn an analyst's pseudonym back into
 * the person id to load the data, and never send the id itself to an analyst.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac } from "node:crypto";
import { secretKey } from "./write-once";

export const PSEUDONYM_PREFIX = "anon-";
const PSEUDONYM = /^anon-[A-Za-z0-9_-]{22}$/;
/** Any person id in a text (record ids such as LCE-P00000042-1 embed it). */
export const PERSON_ID_IN_TEXT = /P\d{8}(?!\d)/g;

export class Pseudonymizer {
  private readonly byId = new Map<string, string>();
  /** The other way round: every program subgraph reads back the pseudonyms of each analyst page. */
  private readonly byPseudonym = new Map<string, string>();
  /**
   * The secret that orders an analyst's lists: persons are listed by md5(orderKey || id), a keyed
   * pseudorandom order the store can compute and page through, unrelated to the id's order.
   */
  readonly orderKey: string;
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("PSEUDONYM_KEY must be 32 bytes (64 hex characters).");
    this.orderKey = createHmac("sha256", key).update("analyst list order").digest("hex");
  }

  /** A person's place in an analyst's lists (the value the store orders by). */
  listOrder(personId: string): string {
    return createHash("md5").update(this.orderKey + personId).digest("hex");
  }

  pseudonym(personId: string): string {
    let pseudonym = this.byId.get(personId);
    if (!pseudonym) {
      const cipher = createCipheriv("aes-256-ecb", this.key, null);
      pseudonym = PSEUDONYM_PREFIX + Buffer.concat([cipher.update(personId, "utf8"), cipher.final()]).toString("base64url");
      if (this.byId.size > 100_000) this.byId.clear();
      this.byId.set(personId, pseudonym);
    }
    return pseudonym;
  }

  /** The person id behind a pseudonym; null when the text is not one of ours. */
  personId(pseudonym: string): string | null {
    const known = this.byPseudonym.get(pseudonym);
    if (known) return known;
    if (!PSEUDONYM.test(pseudonym)) return null;
    let personId: string;
    try {
      const decipher = createDecipheriv("aes-256-ecb", this.key, null);
      personId = Buffer.concat([decipher.update(Buffer.from(pseudonym.slice(PSEUDONYM_PREFIX.length), "base64url")), decipher.final()]).toString("utf8");
    } catch {
      return null;
    }
    if (this.byPseudonym.size > 100_000) this.byPseudonym.clear();
    this.byPseudonym.set(pseudonym, personId);
    return personId;
  }

  /** The text with every person id in it replaced by its pseudonym. */
  maskText(text: string): string {
    return text.replace(PERSON_ID_IN_TEXT, (id) => this.pseudonym(id));
  }
}

export async function loadPseudonymizer(env: NodeJS.ProcessEnv = process.env): Promise<Pseudonymizer> {
  return new Pseudonymizer(await secretKey(env.PSEUDONYM_KEY || undefined, "pseudonym.key", "PSEUDONYM_KEY", env));
}
