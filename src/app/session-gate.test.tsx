import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeSession } from "@/features/auth/testing/session-test-kit.ts";
import { installFakeApi } from "@/features/calls/testing/calls-test-kit.tsx";
import { App } from "./app.tsx";
import { createQueryClient } from "./query-client.ts";

// The sign-in page's code does not arrive (server gone, or a deploy replaced the chunk).
vi.mock("@/features/auth/components/sign-in-page.tsx", () => {
  throw new Error("Failed to fetch dynamically imported module");
});

afterEach(() => vi.unstubAllGlobals());

describe("the session gate", () => {
  it("offers a reload, not a blank screen, when the sign-in page cannot be loaded", async () => {
    installFakeApi();
    installFakeSession();
    // React reports the error the boundary caught; expected here, so kept off the test's output.
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    localStorage.setItem("call-dashboard.preferences", JSON.stringify({ language: "en" }));
    render(<App queryClient={createQueryClient()} />);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The page could not be loaded. Check the connection and reload.",
    );
    expect(screen.getByRole("button", { name: "Reload" })).toBeVisible();
    expect(reported).toHaveBeenCalled();
    reported.mockRestore();
  });
});
