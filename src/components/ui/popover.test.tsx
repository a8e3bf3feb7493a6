import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Popover, PopoverContent, PopoverTrigger } from "./popover.tsx";

// The popover's own code arrives only when the test lets it: the first screen does not carry it.
let releaseSurface: () => void = () => {};
const surfaceArrived = new Promise<void>((resolve) => {
  releaseSurface = resolve;
});
vi.mock("./popover-surface.tsx", async (importOriginal) => {
  await surfaceArrived;
  return importOriginal();
});

function Example() {
  return (
    <div>
      <Popover>
        <PopoverTrigger>Columns</PopoverTrigger>
        <PopoverContent aria-label="Choose columns">
          <label>
            Name filter <input type="text" />
          </label>
        </PopoverContent>
      </Popover>
      <button type="button">Elsewhere</button>
    </div>
  );
}

beforeAll(() => {
  // jsdom lacks what Radix's positioning measures with.
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});

describe("a popover whose code loads after the first screen", () => {
  it("is usable at once, keeps what was typed when its code arrives, and closes with Escape", async () => {
    const user = userEvent.setup();
    render(<Example />);
    const trigger = screen.getByRole("button", { name: "Columns" });
    expect(trigger).toHaveAttribute("aria-expanded", "false");

    await user.click(trigger);
    const pending = screen.getByRole("dialog", { name: "Choose columns" });
    expect(pending).toHaveAttribute("aria-busy", "true");
    expect(trigger).toHaveAttribute("aria-controls", pending.id);
    await user.type(screen.getByRole("textbox", { name: "Name filter" }), "Đức");

    releaseSurface();
    await waitFor(() =>
      expect(screen.getByRole("dialog", { name: "Choose columns" })).not.toHaveAttribute(
        "aria-busy",
      ),
    );
    expect(screen.getByRole("textbox", { name: "Name filter" })).toHaveValue("Đức");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute("aria-expanded", "false");
  });

  it("once loaded, toggles from its trigger and closes on a click elsewhere", async () => {
    releaseSurface();
    const user = userEvent.setup();
    render(<Example />);
    const trigger = screen.getByRole("button", { name: "Columns" });

    await user.click(trigger);
    expect(screen.getByRole("dialog", { name: "Choose columns" })).not.toHaveAttribute("aria-busy");
    await user.click(trigger);
    expect(screen.queryByRole("dialog")).toBeNull();

    await user.click(trigger);
    expect(screen.getByRole("dialog", { name: "Choose columns" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Elsewhere" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
