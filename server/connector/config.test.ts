import { describe, expect, it } from "vitest";
import { parseSince, readOmicallConfig, readWebhookConfig } from "./config.ts";

const NOW = Date.UTC(2026, 0, 31);

describe("readOmicallConfig", () => {
  it("is null when the connector is not configured", () => {
    expect(readOmicallConfig({}, NOW)).toBeNull();
    expect(readOmicallConfig({ OMICALL_BASE_URL: "" }, NOW)).toBeNull();
  });

  it("applies the documented limits as defaults", () => {
    const config = readOmicallConfig(
      { OMICALL_BASE_URL: "https://public-v1.omicall.com/", OMICALL_API_KEY: "k" },
      NOW,
    );
    expect(config).toMatchObject({
      baseUrl: "https://public-v1.omicall.com",
      apiVersion: "auto",
      pageSize: 50,
      windowMs: 30 * 86_400_000,
      sinceMs: NOW - 90 * 86_400_000,
      fetchLegs: true,
      syncIntervalMinutes: undefined,
    });
  });

  it("refuses pages over 50 and windows over 30 days, naming the variable but never a value", () => {
    const key = "secret-api-key-value";
    const attempt = () =>
      readOmicallConfig(
        {
          OMICALL_BASE_URL: "ftp://example.org",
          OMICALL_API_KEY: key,
          OMICALL_PAGE_SIZE: "100",
          OMICALL_SYNC_WINDOW_DAYS: "31",
        },
        NOW,
      );
    expect(attempt).toThrow(/OMICALL_PAGE_SIZE/);
    expect(attempt).toThrow(/OMICALL_SYNC_WINDOW_DAYS/);
    expect(attempt).toThrow(/OMICALL_BASE_URL/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain(key);
    }
  });
});

describe("parseSince", () => {
  it("reads durations back from now, dates and unix ms", () => {
    expect(parseSince("7d", NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseSince("12h", NOW)).toBe(NOW - 12 * 3_600_000);
    expect(parseSince("2025-01-01T00:00:00+07:00", NOW)).toBe(Date.UTC(2024, 11, 31, 17));
    expect(parseSince("1735664400000", NOW)).toBe(1735664400000);
    expect(parseSince("soon", NOW)).toBeNull();
  });
});

describe("readWebhookConfig", () => {
  it("needs a secret of 16 characters or more", () => {
    expect(readWebhookConfig({})).toBeNull();
    expect(() => readWebhookConfig({ OMICALL_WEBHOOK_SECRET: "short" })).toThrow(/16/);
    expect(readWebhookConfig({ OMICALL_WEBHOOK_SECRET: "a".repeat(32) })).toEqual({
      secret: "a".repeat(32),
      bodyLimitBytes: 256 * 1024,
    });
  });
});
