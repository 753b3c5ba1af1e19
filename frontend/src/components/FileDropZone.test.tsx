import { MantineProvider } from "@mantine/core";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { FileDropZone } from "./FileDropZone";

function drop(target: HTMLElement, files: File[]) {
  const dataTransfer = {
    files,
    items: files.map((f) => ({ kind: "file", type: f.type, getAsFile: () => f })),
    types: ["Files"],
  };
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
}

/** The names of the files handed over by the first call. */
const names = (onFiles: ReturnType<typeof vi.fn>) => ((onFiles.mock.calls[0]?.[0] ?? []) as File[]).map((f) => f.name);

const files = [new File(["a"], "a.txt", { type: "text/plain" }), new File(["bb"], "b.txt", { type: "text/plain" })];

describe("FileDropZone", () => {
  afterEach(cleanup);

  it("hands over every file of one drop when multiple", async () => {
    const onFiles = vi.fn();
    render(
      <MantineProvider>
        <FileDropZone onFiles={onFiles} multiple />
      </MantineProvider>,
    );
    const zone = screen.getByRole("button", { name: "Drop files here or click to choose them" });
    drop(zone, files);
    await waitFor(() => expect(onFiles).toHaveBeenCalledTimes(1));
    expect(names(onFiles)).toEqual(["a.txt", "b.txt"]);
  });

  it("takes one file when not multiple, and nothing while disabled", async () => {
    const onFiles = vi.fn();
    const { rerender } = render(
      <MantineProvider>
        <FileDropZone onFiles={onFiles} />
      </MantineProvider>,
    );
    const zone = screen.getByTestId("file-drop-zone");
    drop(zone, files.slice(0, 1));
    await waitFor(() => expect(onFiles).toHaveBeenCalledTimes(1));
    expect(names(onFiles)).toEqual(["a.txt"]);

    rerender(
      <MantineProvider>
        <FileDropZone onFiles={onFiles} disabled />
      </MantineProvider>,
    );
    drop(screen.getByTestId("file-drop-zone"), files.slice(0, 1));
    await new Promise((r) => setTimeout(r, 50));
    expect(onFiles).toHaveBeenCalledTimes(1);
  });
});
