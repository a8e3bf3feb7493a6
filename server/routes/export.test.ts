import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { upsertFilterValues, writeCalls } from "../store/call-writer.ts";
import { openTemporaryStore, TEST_TENANT_ID } from "../test/call-builder.ts";
import { DAY0, knownCalls } from "../test/known-calls.ts";
import { signedInInject } from "../test/signed-in.ts";

let app: FastifyInstance;
let inject: Awaited<ReturnType<typeof signedInInject>>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTemporaryStore();
  cleanup = opened.cleanup;
  await writeCalls(opened.store.db, knownCalls);
  await upsertFilterValues(opened.store.db, [
    { tenant_id: TEST_TENANT_ID, kind: "tag", value: "tag-vip", label: "VIP" },
  ]);
  app = await buildApp({ store: opened.store });
  inject = await signedInInject(app, opened.store);
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

/** Splits CRLF records; the known calls hold no line breaks inside fields. */
function records(body: string): string[] {
  return body.split("\r\n").filter((line) => line !== "");
}

describe("GET /api/call_transaction/export", () => {
  it("streams every call of the filtered result as Excel-friendly CSV", async () => {
    const response = await inject({
      method: "GET",
      url: "/api/call_transaction/export?direction=inbound",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="calls-\d{12}\.csv"$/,
    );
    expect(response.body.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = records(response.body.slice(1));
    expect(header).toBe(
      "Thời gian bắt đầu,Hướng,Trạng thái,Khách hàng,Số khách hàng,Nhân viên,Máy nhánh,Đầu số,Tổng thời gian (giây),Đàm thoại (giây),Chờ (giây),Nguyên nhân kết thúc,Thẻ,Cước (VND),Nhà mạng,Ghi âm,Ghi chú,Mã cuộc gọi",
    );
    expect(rows).toHaveLength(3);
    // Newest first, times in Asia/Ho_Chi_Minh by default (call-a started 09:00 +07:00).
    expect(rows[2]).toBe(
      `2026-11-02 09:00:00,Gọi đến,Đã nghe,Trần Đình Tâm,"=""0983223566""",Nguyễn Thị Hoa,102,"=""842499950291""",200,185,15,NORMAL_CLEARING,VIP,0,viettel,Có,,call-a`,
    );
  });

  it("ignores paging: the export is the whole result", async () => {
    const response = await inject({
      method: "GET",
      url: "/api/call_transaction/export?size=2&page=3",
    });
    expect(records(response.body)).toHaveLength(1 + knownCalls.length);
  });

  it("writes times in the requested zone and words in the requested language", async () => {
    const response = await inject({
      method: "GET",
      url: `/api/call_transaction/export?tz=UTC&lang=en&to_date=${DAY0 * 1000}`,
    });
    const [header, row] = records(response.body.slice(1));
    expect(header?.startsWith("Start time,Direction,Status")).toBe(true);
    expect(row?.startsWith("2026-11-02 02:00:00,Inbound,Answered,")).toBe(true);
  });

  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    const opened = await openTemporaryStore();
    const { buildCall } = await import("../test/call-builder.ts");
    await writeCalls(opened.store.db, [
      {
        call: buildCall({ transaction_id: "evil", note: '=HYPERLINK("http://x")', customer: null }),
        legs: [],
      },
    ]);
    const exportApp = await buildApp({ store: opened.store });
    const injectExport = await signedInInject(exportApp, opened.store);
    const response = await injectExport({ method: "GET", url: "/api/call_transaction/export" });
    expect(response.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    await exportApp.close();
    await opened.cleanup();
  });

  it.each([
    ["tz=Mars/Olympus", "tz"],
    ["lang=fr", "lang"],
    ["status=unknown", "status"],
  ])("rejects %s naming %s", async (query, parameter) => {
    const response = await inject({
      method: "GET",
      url: `/api/call_transaction/export?${query}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].parameter).toBe(parameter);
  });
});
