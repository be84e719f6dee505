/**
 * Text a program's store can hold: PostgreSQL `text` cannot contain the NUL character (U+0000), and
 * a filter or id carrying one would fail deep in the store as an internal error. Every string a
 * request brings (argument literals, variables, entity representations) is checked before any
 * resolver runs; one with a NUL is BAD_USER_INPUT naming the argument or variable.
 */
import { GraphQLError, Kind, type ValueNode } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "./errors";

const NUL = "\u0000";

/** The path of the first string holding a NUL in a variable's value, if any. */
function nulIn(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes(NUL)) return `${path}.${key}`;
      const found = nulIn(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function nulInLiteral(value: ValueNode, path: string): string | null {
  if (value.kind === Kind.STRING) return value.value.includes(NUL) ? path : null;
  if (value.kind === Kind.LIST) {
    for (let i = 0; i < value.values.length; i++) {
      const found = nulInLiteral(value.values[i], `${path}[${i}]`);
      if (found) return found;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = nulInLiteral(field.value, `${path}.${field.name.value}`);
      if (found) return found;
    }
  }
  return null;
}

/** BAD_USER_INPUT naming the argument (HTTP 400: the request is refused before any resolver runs). */
const refused = (where: string) =>
  new GraphQLError(`"${where}" contains a NUL character (\\u0000), which no text field can hold; remove it.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: where, http: { status: 400 } },
  });

export function textInputPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const found = nulIn(value, name);
            if (found) throw refused(found);
          }
          let found: string | null = null;
          const visit = (node: unknown): void => {
            if (found || !node || typeof node !== "object") return;
            const n = node as { kind?: string; name?: { value: string }; value?: ValueNode };
            if (n.kind === Kind.ARGUMENT && n.value) {
              found = nulInLiteral(n.value, n.name!.value);
              return;
            }
            for (const child of Object.values(node)) {
              if (Array.isArray(child)) child.forEach(visit);
              else if (child && typeof child === "object" && "kind" in child) visit(child);
            }
          };
          visit(document);
          if (found) throw refused(found);
        },
      };
    },
  };
}
