import { describe, expect, it } from "vitest";
import { formatBytes } from "./download";

describe("formatBytes", () => {
  it("names the unit, one decimal below ten", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(12 * 1024 * 1024)).toBe("12 MB");
    expect(formatBytes(3 * 1024 ** 4)).toBe("3.0 TB");
  });
});
