/** Users as `npm run user` and the demo create them: validation, hashing, and the CLI's words. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/open-store.ts";
import { openTemporaryStore } from "../test/call-builder.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { parseUserArguments, UserArgumentError } from "./user-arguments.ts";
import { changePassword, createUser, listUsers, removeUser, UserInputError } from "./users.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await openTemporaryStore());
});
afterEach(async () => cleanup());

const base = {
  tenantId: "t1",
  username: "lan",
  password: "đủ tám ký tự",
  role: "supervisor",
} as const;

describe("passwords", () => {
  it("verify only the password they were made from, with a fresh salt each time", async () => {
    const first = await hashPassword("Mật khẩu 1");
    const second = await hashPassword("Mật khẩu 1");
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("Mật khẩu 1", first)).toBe(true);
    expect(await verifyPassword("mật khẩu 1", first)).toBe(false);
    expect(await verifyPassword("Mật khẩu 1", "plain-text")).toBe(false);
  });
});

describe("createUser", () => {
  it("stores a hash, never the password, and a lower-case username", async () => {
    await createUser(store, { ...base, username: "Lan.Pham" });
    const row = store.sqlite.prepare("SELECT username, password_hash FROM users").get() as {
      username: string;
      password_hash: string;
    };
    expect(row.username).toBe("lan.pham");
    expect(row.password_hash).not.toContain(base.password);
  });

  it.each([
    ["a short password", { password: "short" }, /8–256/],
    ["a username with spaces", { username: "lan pham" }, /username/],
    ["an agent without extension", { role: "agent" as const }, /extension/],
    ["an unknown role", { role: "admin" as never }, /role/],
  ])("refuses %s", async (_name, change, message) => {
    await expect(createUser(store, { ...base, ...change })).rejects.toThrow(message);
  });

  it("refuses a second user of the same name, whatever its case", async () => {
    await createUser(store, base);
    await expect(createUser(store, { ...base, username: "LAN" })).rejects.toThrow(UserInputError);
  });

  it("changes a password (ending sessions) and removes a user", async () => {
    const user = await createUser(store, base);
    store.sqlite.prepare("INSERT INTO sessions VALUES ('h', ?, 0, 0, 9999999999999)").run(user.id);
    expect(await changePassword(store, "lan", "một mật khẩu mới")).toBe(true);
    expect(store.sqlite.prepare("SELECT count(*) AS n FROM sessions").get()).toEqual({ n: 0 });
    expect(await changePassword(store, "nobody", "một mật khẩu mới")).toBe(false);
    expect(await removeUser(store, "LAN")).toBe(true);
    expect(await listUsers(store)).toEqual([]);
  });
});

describe("npm run user arguments", () => {
  it("reads add with its options", () => {
    expect(
      parseUserArguments(
        ["add", "bao", "--role", "agent", "--sip-user", "105", "--database", "x.db"],
        {},
      ),
    ).toMatchObject({
      kind: "add",
      username: "bao",
      role: "agent",
      sipUser: "105",
      database: "x.db",
    });
  });

  it.each([
    [["add"]],
    [["frob", "x"]],
    [["add", "x", "--role", "admin"]],
    [["add", "x", "--password", "inline"]],
    [["list", "extra"]],
  ])("refuses %j", (argv) => {
    expect(() => parseUserArguments(argv, {})).toThrow(UserArgumentError);
  });
});
