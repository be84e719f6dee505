/** Who accessed a person's data, as the person's access log names it: an organisation, never a person's name. */
import type { Caller } from "./caller";
import { partnerById } from "./partners";
import { CENTERS } from "../reference/centers";

const centerName = new Map(CENTERS.map((c) => [c.id, c.name]));

export function organisationOf(caller: Caller): string {
  switch (caller.audience) {
    case "citizen":
      return "You (citizen self-service)";
    case "counsellor":
      return (caller.centers ?? []).map((id) => centerName.get(id) ?? `Employment center ${id}`).join(", ") || "Employment center";
    case "analyst":
      return "Ministry of Employment and Labor, statistics and research (pseudonymised)";
    case "partner":
      return partnerById.get(caller.partnerId ?? "")?.name ?? `Partner agency ${caller.partnerId}`;
    default:
      return "Public";
  }
}
