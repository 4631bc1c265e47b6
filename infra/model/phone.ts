/**
 * Phone and SMS numbers as PagerDuty stores them: an integer country code and a national number
 * without `+` or trunk prefix, at most 40 characters of digits and `,*#` (commas are pauses before an
 * extension). Parsing and plausibility come from libphonenumber-js, not a home-made pattern.
 */
import {
  isSupportedCountry,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCallingCode,
} from "libphonenumber-js";

export const MAX_ADDRESS_LENGTH = 40;

export type PhoneResult =
  | { ok: true; countryCode: number; address: string }
  | { ok: false; code: string; message: string; hint?: string };

/** Digits first (spaces, dots, dashes and brackets allowed for reading), then pauses and extension. */
const WRITTEN = /^(\+?)([\d\s().-]+?)([,*#][\d,*#]*)?$/;

/**
 * People usually list one number twice (phone and SMS); parsing is the costly part of reading a
 * large organisation, so each written number is parsed once per process.
 */
const parsed = new Map<string, PhoneResult>();

export function normalisePhone(countryCode: number | undefined, written: string): PhoneResult {
  const key = `${countryCode ?? ""}|${written}`;
  let result = parsed.get(key);
  if (result === undefined) {
    try {
      result = parsePhone(countryCode, written);
    } catch (error) {
      // libphonenumber-js throws on input its metadata cannot place; that is bad data, not a crash.
      result = {
        ok: false,
        code: "PHONE_INVALID",
        message: `the number cannot be read: ${(error as Error).message}`,
        hint: "check the number of digits and the country code",
      };
    }
    parsed.set(key, result);
  }
  return result;
}

function parsePhone(countryCode: number | undefined, written: string): PhoneResult {
  if (written.trim() === "") {
    return {
      ok: false,
      code: "PHONE_EMPTY",
      message: "the number is empty",
      hint: "write the number, for example +1 212 555 0100",
    };
  }
  const match = WRITTEN.exec(written.trim());
  if (!match) {
    return {
      ok: false,
      code: "PHONE_CHARACTERS",
      message: `${written} has characters other than digits, spaces, dashes and the extension characters , * #`,
      hint: "write digits only, for example 2125550123 or +1 212 555 0123",
    };
  }
  const [, plus, body = "", extension = ""] = match;
  const digits = body.replace(/[\s().-]/g, "");

  if (plus && countryCode !== undefined) {
    return {
      ok: false,
      code: "PHONE_PLUS_IN_NATIONAL",
      message: "the national number must not start with + when country_code is given",
      hint: "remove the + (and the country code digits), or remove country_code and keep the full +number",
    };
  }
  if (!plus && countryCode === undefined) {
    return {
      ok: false,
      code: "PHONE_COUNTRY_CODE_MISSING",
      message: "a number without + needs country_code",
      hint: "add country_code (for example 1 or 44), or write the number as +<country code> <number>",
    };
  }
  if (digits.length + extension.length > MAX_ADDRESS_LENGTH) {
    return {
      ok: false,
      code: "PHONE_TOO_LONG",
      message: `the number has ${digits.length + extension.length} characters; PagerDuty allows at most ${MAX_ADDRESS_LENGTH}`,
    };
  }

  if (countryCode !== undefined && !isSupportedCallingCode(countryCode)) {
    return {
      ok: false,
      code: "PHONE_COUNTRY_CODE_UNKNOWN",
      message: `+${countryCode} is not a country calling code`,
      hint: "use the calling code of the number's country, for example 1, 44 or 91",
    };
  }
  const phone = plus
    ? parsePhoneNumberFromString(`+${digits}`)
    : parsePhoneNumberFromString(digits, {
        defaultCallingCode: String(countryCode) as CountryCallingCode,
      });
  if (!phone || !phone.isPossible()) {
    return {
      ok: false,
      code: "PHONE_INVALID",
      message: `${plus}${digits} is not a possible phone number${countryCode !== undefined ? ` for country code ${countryCode}` : ""}`,
      hint: "check the number of digits and the country code",
    };
  }
  // The national part as written: all digits without +, or what follows the country code.
  const national = plus ? digits.slice(String(phone.countryCallingCode).length) : digits;
  if (phone.nationalNumber !== national) {
    // libphonenumber strips a national (trunk) prefix such as 0 in the UK or 1 in North America;
    // PagerDuty would store it and dial it after the country code, which fails. Refused in both
    // forms, so "+44 01332…" is no more accepted than country_code 44 with "01332…".
    return {
      ok: false,
      code: "PHONE_TRUNK_PREFIX",
      message: `the number starts with the trunk prefix ${national.slice(0, national.length - phone.nationalNumber.length)} for +${phone.countryCallingCode}; PagerDuty needs the national number without it`,
      hint: String(phone.nationalNumber),
    };
  }
  return {
    ok: true,
    countryCode: Number(phone.countryCallingCode),
    address: `${phone.nationalNumber}${extension}`,
  };
}

/** The calling codes libphonenumber-js has metadata for (it throws on any other). */
let callingCodes: Set<number> | undefined;

function isSupportedCallingCode(code: number): boolean {
  callingCodes ??= new Set(
    getCountries()
      .filter((country) => isSupportedCountry(country))
      .map((country) => Number(getCountryCallingCode(country))),
  );
  return callingCodes.has(code);
}
