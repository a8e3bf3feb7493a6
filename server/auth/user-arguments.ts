/** `npm run user` arguments, parsed apart from the CLI so that they can be tested. */
import { parseArgs } from "node:util";
import { USER_ROLES, type UserRole } from "@/contract/session.ts";

export const USER_USAGE = `Usage: npm run user -- <command> [options]

  add <username> [--role supervisor|agent] [--sip-user EXT] [--name "Full name"]
                 [--tenant ID] [--tenant-name NAME]
      Adds a user. --tenant may be left out when the store holds one tenant.
      An agent needs --sip-user: the extension whose calls it sees.
  passwd <username>   Sets a new password (and signs the user out everywhere).
  remove <username>   Removes the user and its sessions.
  list                Lists the users.

  --database PATH     The store (default: DATABASE_URL or ./data/calls.db)

The password is read from USER_PASSWORD, else from standard input (one line), else asked for
twice at the terminal without echo.`;

export class UserArgumentError extends Error {
  override name = "UserArgumentError";
}

export type UserCommand =
  | { kind: "help" }
  | { kind: "list"; database: string }
  | { kind: "passwd" | "remove"; database: string; username: string }
  | {
      kind: "add";
      database: string;
      username: string;
      role: UserRole;
      sipUser: string | null;
      displayName: string | null;
      tenantId: string | null;
      tenantName: string | null;
    };

export function parseUserArguments(argv: string[], environment: NodeJS.ProcessEnv): UserCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UserArgumentError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: "help" };
  const [command, username, ...extra] = positionals;
  const database = values.database ?? environment.DATABASE_URL ?? "./data/calls.db";
  if (extra.length > 0) throw new UserArgumentError(`Unexpected arguments: ${extra.join(" ")}`);
  if (command === "list") {
    if (username) throw new UserArgumentError("list takes no username");
    return { kind: "list", database };
  }
  if (command !== "add" && command !== "passwd" && command !== "remove") {
    throw new UserArgumentError(`Unknown command ${command}`);
  }
  if (!username) throw new UserArgumentError(`${command} needs a username`);
  if (command !== "add") return { kind: command, database, username };
  const role = values.role ?? "supervisor";
  if (!USER_ROLES.includes(role as UserRole)) {
    throw new UserArgumentError(`--role must be one of: ${USER_ROLES.join(", ")}`);
  }
  return {
    kind: "add",
    database,
    username,
    role: role as UserRole,
    sipUser: values["sip-user"] ?? null,
    displayName: values.name ?? null,
    tenantId: values.tenant ?? null,
    tenantName: values["tenant-name"] ?? null,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      database: { type: "string" },
      role: { type: "string" },
      "sip-user": { type: "string" },
      name: { type: "string" },
      tenant: { type: "string" },
      "tenant-name": { type: "string" },
    },
  });
}
