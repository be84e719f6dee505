/** The Tomorrow Learning Card's dated parameters (its own folder and the shared median income table). */
import { fileURLToPath } from "node:url";
import { loadParameters } from "../../kit/rules/parameters";

export const learningCardParameters = loadParameters("learning-card", fileURLToPath(new URL("../parameters", import.meta.url)), ["standard-median-income"]);
