import { MantineProvider } from "@mantine/core";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiProblem } from "../../lib/problem";
import { CsvImportDialog, rowErrors } from "./CsvImportDialog";

const CSV = "key,name,type\nweb-01,Web server,server\n,No key,server\n";

// What the API answers for a file with bad cells (backend/certready/configuration/importer.py).
const refused = new ApiProblem({
  title: "Unprocessable content",
  status: 422,
  detail: "2 problem(s) in the file; nothing was imported.",
  errors: [
    { loc: ["body", 4, "status"], msg: "One of: planned, active, maintenance, retired.", type: "value_error" },
    { loc: ["body", 3, "key"], msg: "Required.", type: "value_error" },
  ],
});

function renderDialog(importFile: (csv: string) => Promise<{ created: number; updated: number; rows: number }>) {
  const onImported = vi.fn();
  render(
    <MantineProvider>
      <CsvImportDialog opened onClose={() => {}} importFile={importFile} onImported={onImported} />
    </MantineProvider>,
  );
  return onImported;
}

function pick(text: string) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  fireEvent.change(input, { target: { files: [new File([text], "cmdb.csv", { type: "text/csv" })] } });
}

describe("CsvImportDialog", () => {
  afterEach(cleanup);

  it("lists every refused row by line and column, and says nothing was imported", async () => {
    const importFile = vi.fn().mockRejectedValue(refused);
    const onImported = renderDialog(importFile);
    expect((screen.getByRole("button", { name: "Import" }) as HTMLButtonElement).disabled).toBe(true);
    pick(CSV);
    fireEvent.click(screen.getByRole("button", { name: "Import" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Nothing was imported: 2 problems in the file");
    const rows = within(within(alert).getByRole("table", { name: "Rows refused" })).getAllByRole("row");
    // header, then the errors in file order (line 3 before line 4)
    expect(rows.map((r) => r.textContent)).toEqual(["LineColumnProblem", "3keyRequired.", "4statusOne of: planned, active, maintenance, retired."]);
    expect(importFile).toHaveBeenCalledWith(CSV);
    expect(onImported).not.toHaveBeenCalled();
  });

  it("reports what was stored and clears the errors of an earlier attempt", async () => {
    const importFile = vi.fn().mockRejectedValueOnce(refused).mockResolvedValueOnce({ created: 2, updated: 1, rows: 3 });
    const onImported = renderDialog(importFile);
    pick(CSV);
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByRole("alert");

    pick("key,name,type\nweb-01,Web,server\n");
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    expect((await screen.findByRole("status")).textContent).toContain("3 rows read: 2 configuration items added, 1 updated.");
    await waitFor(() => expect(onImported).toHaveBeenCalledWith({ created: 2, updated: 1, rows: 3 }));
  });

  it("shows a problem without row errors (wrong file type, too large) as it is", async () => {
    const importFile = vi.fn().mockRejectedValue(new ApiProblem({ title: "Payload too large", status: 413, detail: "The CSV file exceeds 1048576 bytes." }));
    renderDialog(importFile);
    pick(CSV);
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Nothing was imported");
    expect(alert.textContent).toContain("The CSV file exceeds 1048576 bytes.");
  });
});

describe("rowErrors", () => {
  it("keeps errors without a line (the whole file) first", () => {
    const p = new ApiProblem({ title: "x", status: 422, errors: [{ loc: ["body", 2, "name"], msg: "Required.", type: "v" }, { loc: ["body"], msg: "The CSV file is empty.", type: "v" }] });
    expect(rowErrors(p)).toEqual([
      { line: null, column: "", message: "The CSV file is empty." },
      { line: 2, column: "name", message: "Required." },
    ]);
  });
});
