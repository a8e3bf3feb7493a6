import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache.ts";

describe("LruCache", () => {
  it("evicts the least recently used entry beyond its bound", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // "b" is now the least recently used
    cache.set("c", 3);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("creates a missing value once and then reuses it", () => {
    const cache = new LruCache<string, object>(3);
    let created = 0;
    const make = () => {
      created++;
      return {};
    };
    const first = cache.getOrCreate("k", make);
    expect(cache.getOrCreate("k", make)).toBe(first);
    expect(created).toBe(1);
    cache.delete("k");
    expect(cache.getOrCreate("k", make)).not.toBe(first);
  });

  it("replaces a value set twice without growing", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("a", 2);
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBe(2);
  });

  it("needs a positive whole bound", () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
