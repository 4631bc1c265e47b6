import { describe, expect, it } from "vitest";
import { normalisePhone } from "../../infra/model/phone";

// Field case F10: PagerDuty wants an integer country code and the national number without "+" or
// trunk prefix. Expected values are the table of the field case.
describe("normalisePhone", () => {
  it("must refuse a UK number written with its trunk 0 and hint the number without it", () => {
    const result = normalisePhone(44, "01332412251");
    expect(result).toMatchObject({ ok: false, code: "PHONE_TRUNK_PREFIX", hint: "1332412251" });
  });

  it("must refuse a + in the national number when the country code is given", () => {
    expect(normalisePhone(1, "+4153013250")).toMatchObject({
      ok: false,
      code: "PHONE_PLUS_IN_NATIONAL",
    });
  });

  it("must refuse a North American number that keeps its leading trunk 1", () => {
    expect(normalisePhone(1, "14155550100")).toMatchObject({
      ok: false,
      code: "PHONE_TRUNK_PREFIX",
      hint: "4155550100",
    });
  });

  it("must accept an Indian national number with its country code", () => {
    expect(normalisePhone(91, "9876543210")).toEqual({
      ok: true,
      countryCode: 91,
      address: "9876543210",
    });
  });

  it("must split an international number into country code and national number", () => {
    expect(normalisePhone(undefined, "+91 98765 43210")).toEqual({
      ok: true,
      countryCode: 91,
      address: "9876543210",
    });
  });

  it("must keep pauses and an extension after the digits", () => {
    expect(normalisePhone(1, "4155550100,,123#")).toEqual({
      ok: true,
      countryCode: 1,
      address: "4155550100,,123#",
    });
  });

  it.each([
    ["41 digits", "4".repeat(41)],
    ["40 digits and an extension", `${"4".repeat(38)},,1`],
  ])("must refuse %s (more than 40 characters)", (_label, number) => {
    expect(normalisePhone(1, number)).toMatchObject({ ok: false, code: "PHONE_TOO_LONG" });
  });

  it("must refuse a number without + and without country code", () => {
    expect(normalisePhone(undefined, "2125550100")).toMatchObject({
      ok: false,
      code: "PHONE_COUNTRY_CODE_MISSING",
    });
  });

  it("must refuse letters", () => {
    expect(normalisePhone(1, "555-BRIDGE")).toMatchObject({ ok: false, code: "PHONE_CHARACTERS" });
  });
});

describe("normalisePhone with codes the phone library does not know", () => {
  it("must refuse country code 999 with a finding, not a crash", () => {
    expect(normalisePhone(999, "2125550100")).toMatchObject({
      ok: false,
      code: "PHONE_COUNTRY_CODE_UNKNOWN",
    });
  });
});

describe("normalisePhone in international form", () => {
  it.each([
    ["+44 01332 123456", "1332123456"],
    ["+1 1 212 555 0104", "2125550104"],
  ])("must refuse %s, whose trunk prefix follows the country code", (written, hint) => {
    expect(normalisePhone(undefined, written)).toMatchObject({
      ok: false,
      code: "PHONE_TRUNK_PREFIX",
      hint,
    });
  });
});
