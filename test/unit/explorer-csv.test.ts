// The explorer's CSV writer: what Excel needs to open Chinese text and quoted cells correctly.
import { describe, expect, it } from "vitest";
import { csvName, toCsv } from "../../web/src/csv.js";

describe("explorer CSV", () => {
  it("starts with a UTF-8 byte order mark and ends records with CRLF", () => {
    const csv = toCsv(["地区", "报告"], [["枫桥镇", 1]]);
    expect(csv.startsWith("\uFEFF地区,报告\r\n")).toBe(true);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("枫桥镇,1\r\n")).toBe(true);
  });

  it("quotes cells with commas, quotes or line breaks, and leaves empty cells empty", () => {
    expect(toCsv(["a", "b", "c", "d"], [["推行“一村一法律顾问”,覆盖率100%", 'say "hi"', "two\nlines", null]])).toBe(
      '\uFEFFa,b,c,d\r\n"推行“一村一法律顾问”,覆盖率100%","say ""hi""","two\nlines",\r\n',
    );
  });

  it("names files without characters file systems refuse", () => {
    expect(csvName("枫桥经验", "timeline", "TOWNSHIP", null)).toBe("枫桥经验-timeline-TOWNSHIP.csv");
    expect(csvName("figures", 'a/b:c"d', 2023)).toBe("figures-a_b_c_d-2023.csv");
  });
});
