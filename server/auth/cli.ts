/**
 * `npm run user -- add|passwd|remove|list`: manages who may sign in to the dashboard.
 * Passwords never appear in arguments (they would land in shell history and `ps`).
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { openStore, type Store } from "../store/open-store.ts";
import {
  parseUserArguments,
  USER_USAGE,
  UserArgumentError,
  type UserCommand,
} from "./user-arguments.ts";
import { changePassword, createUser, listUsers, removeUser, UserInputError } from "./users.ts";

/** A line from the terminal with nothing echoed. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => prompt.question(question, resolve));
  muted = true;
  const line = await answer;
  prompt.close();
  process.stdout.write("\n");
  return line;
}

async function readPassword(): Promise<string> {
  const fromEnvironment = process.env.USER_PASSWORD;
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    throw new UserInputError("No password on standard input");
  }
  const first = await askHidden("Password: ");
  const second = await askHidden("Again: ");
  if (first !== second) throw new UserInputError("The two passwords differ");
  return first;
}

/** The tenant to add a user to: the one given, or the only one the store knows. */
async function chooseTenant(store: Store, given: string | null): Promise<string> {
  if (given) return given;
  const tenants = await store.db.selectFrom("tenants").select(["id", "name"]).execute();
  if (tenants.length === 1) return tenants[0]!.id;
  const known = tenants.map((tenant) => `${tenant.id}${tenant.name ? ` (${tenant.name})` : ""}`);
  throw new UserInputError(
    tenants.length === 0
      ? "The store knows no tenant yet: pass --tenant <id> (the vendor's tenant_id)"
      : `Pass --tenant: the store holds ${known.join(", ")}`,
  );
}

async function run(command: Exclude<UserCommand, { kind: "help" }>): Promise<number> {
  const store = await openStore(command.database);
  try {
    switch (command.kind) {
      case "list": {
        const users = await listUsers(store);
        if (users.length === 0) console.log("No users.");
        for (const user of users) {
          const agent = user.sipUser ? ` (extension ${user.sipUser})` : "";
          console.log(
            `${user.username}\t${user.role}${agent}\t${user.tenantId}\t${user.displayName ?? ""}`,
          );
        }
        return 0;
      }
      case "add": {
        const tenantId = await chooseTenant(store, command.tenantId);
        const user = await createUser(store, {
          tenantId,
          tenantName: command.tenantName,
          username: command.username,
          password: await readPassword(),
          role: command.role,
          displayName: command.displayName,
          sipUser: command.sipUser,
        });
        console.log(`Added ${user.username} (${user.role}) to tenant ${tenantId}.`);
        return 0;
      }
      case "passwd": {
        const changed = await changePassword(store, command.username, await readPassword());
        console.log(changed ? `New password set for ${command.username}.` : "No such user.");
        return changed ? 0 : 1;
      }
      case "remove": {
        const removed = await removeUser(store, command.username);
        console.log(removed ? `Removed ${command.username}.` : "No such user.");
        return removed ? 0 : 1;
      }
    }
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  let command: UserCommand;
  try {
    command = parseUserArguments(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UserArgumentError)) throw error;
    console.error(`user: ${error.message}\n\n${USER_USAGE}`);
    return 2;
  }
  if (command.kind === "help") {
    console.log(USER_USAGE);
    return 0;
  }
  try {
    return await run(command);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    console.error(`user: ${error.message}`);
    return 2;
  }
}

process.exitCode = await main();
