/**
 * Personal details in outputs meant for CI logs, which are widely readable: emails keep their first
 * letter and domain, phone numbers their last two digits. `--show-personal` turns masking off.
 */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

export function maskPhone(digits: string): string {
  const visible = digits.replace(/[^\d]/g, "").slice(-2);
  return `***${visible}`;
}

/** A personal value whose kind is known only by its text: an address with `@` is an email. */
export function maskPersonal(value: string): string {
  return value.includes("@") ? maskEmail(value) : maskPhone(value);
}

/**
 * Said after a change whose two sides mask to the same text (two different addresses at one
 * domain and initial), so the change does not look like no change.
 */
export const MASKED_ALIKE = "(differ; masked alike, --show-personal shows them)";

/** Masks the personal fields of a resource's inputs (email, contact method address). */
export function maskInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  const out = { ...inputs };
  if (typeof out.email === "string") out.email = maskEmail(out.email);
  if (typeof out.address === "string") {
    out.address =
      out.type === "email_contact_method" ? maskEmail(out.address) : maskPhone(out.address);
  }
  return out;
}
