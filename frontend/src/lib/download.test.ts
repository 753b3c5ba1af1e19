import { describe, expect, it } from "vitest";
import { contentLength, filenameFrom, readWithProgress } from "./download";

describe("filenameFrom", () => {
  it("reads the quoted file name of an attachment", () => {
    expect(filenameFrom('attachment; filename="certready-acme-compliance-matrix-20261202.xlsx"', "x.xlsx")).toBe(
      "certready-acme-compliance-matrix-20261202.xlsx",
    );
  });

  it("reads an unquoted file name", () => {
    expect(filenameFrom("attachment; filename=matrix.xlsx", "x.xlsx")).toBe("matrix.xlsx");
  });

  it("falls back without a header or with a path in the name", () => {
    expect(filenameFrom(null, "fallback.xlsx")).toBe("fallback.xlsx");
    expect(filenameFrom('attachment; filename="../etc/passwd"', "fallback.xlsx")).toBe("fallback.xlsx");
  });
});

function streamOf(...pieces: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      pieces.forEach((n, i) => controller.enqueue(new Uint8Array(n).fill(i + 1)));
      controller.close();
    },
  });
}

describe("readWithProgress", () => {
  it("reports every piece and returns the whole body", async () => {
    const seen: number[] = [];
    const blob = await readWithProgress(streamOf(3, 4, 5), 12, (received) => seen.push(received), "application/zip");
    expect(seen).toEqual([3, 7, 12]);
    expect(blob.size).toBe(12);
    expect(blob.type).toBe("application/zip");
    expect(new Uint8Array(await blob.arrayBuffer())[11]).toBe(3);
  });

  it("refuses a body that ends short of its Content-Length", async () => {
    await expect(readWithProgress(streamOf(3, 4), 12, () => {})).rejects.toThrow(/stopped after 7 B of 12 B/);
  });

  it("works without a known length", async () => {
    const totals: (number | null)[] = [];
    const blob = await readWithProgress(streamOf(2), null, (_r, total) => totals.push(total));
    expect(blob.size).toBe(2);
    expect(totals).toEqual([null]);
  });
});

describe("contentLength", () => {
  it("reads the header or gives null", () => {
    expect(contentLength(new Headers({ "content-length": "1234" }))).toBe(1234);
    expect(contentLength(new Headers())).toBeNull();
  });
});
