import { describe, expect, it } from "vitest";
import type { DriftReport } from "../../infra/drift/compare";
import {
  maskReport,
  renderDriftMarkdown,
  renderDriftText,
  type DriftRenderInput,
} from "../../infra/render/drift";

const EMPTY: DriftReport = { missing: [], changed: [], unmanaged: [], importable: [] };

function input(report: DriftReport, showPersonal = false): DriftRenderInput {
  return { report, showPersonal, apiUrl: "http://127.0.0.1:1", at: "2026-01-05T12:00:00.000Z" };
}

const PERSONAL: DriftReport = {
  ...EMPTY,
  missing: [
    {
      kind: "contactMethod",
      key: "contactMethod:user:alice.smith@example.com/phone_contact_method/44/1332412251",
      name: "user-alice-contact-mobile",
    },
  ],
  changed: [
    {
      kind: "notificationRule",
      key: "notificationRule:user:bob@example.com/high/0/contactMethod:user:bob@example.com/default-email",
      name: "user-bob-notify",
      liveId: "PNR0001",
      changes: [{ field: "startDelayInMinutes", old: 5, new: 0 }],
    },
  ],
};

describe("maskReport", () => {
  it("maskReport must mask emails and phone numbers inside identity keys", () => {
    const masked = maskReport(PERSONAL);

    expect(masked.missing[0]!.key).toBe(
      "contactMethod:user:a***@example.com/phone_contact_method/44/***51",
    );
    expect(masked.changed[0]!.key).toBe(
      "notificationRule:user:b***@example.com/high/0/contactMethod:user:b***@example.com/default-email",
    );
  });

  it("maskReport must mask a contact method's changed address, phone or email", () => {
    const masked = maskReport({
      ...EMPTY,
      changed: [
        {
          kind: "contactMethod",
          key: "k",
          changes: [
            { field: "address", old: "4155550100", new: "4155550199" },
            { field: "label", old: "Mobile", new: "Work" },
          ],
        },
      ],
    });

    expect(masked.changed[0]!.changes).toEqual([
      { field: "address", old: "***00", new: "***99" },
      { field: "label", old: "Mobile", new: "Work" },
    ]);
  });

  it("renderDriftText must show personal details when asked, and mask them otherwise", () => {
    expect(renderDriftText(input(PERSONAL, true))).toContain("alice.smith@example.com");
    expect(renderDriftText(input(PERSONAL))).not.toContain("alice.smith@example.com");
    expect(renderDriftText(input(PERSONAL))).not.toContain("1332412251");
  });
});

describe("renderDrift", () => {
  it("renderDriftText must list a changed field as live -> data, with (none) for an absent value", () => {
    const text = renderDriftText(
      input({
        ...EMPTY,
        changed: [
          {
            kind: "escalationPolicy",
            key: "escalationPolicy:Primary",
            name: "escalation-policy-primary",
            liveId: "PEP0001",
            changes: [
              { field: "rules[1].escalationDelayInMinutes", old: 20, new: 15 },
              { field: "description", old: undefined, new: "Managed by Pulumi" },
            ],
          },
        ],
      }),
    );

    expect(text).toBe(
      [
        'changed    escalationPolicy "Primary" (escalation-policy-primary, live PEP0001)',
        "             rules[1].escalationDelayInMinutes: 20 -> 15",
        '             description: (none) -> "Managed by Pulumi"',
        "",
        "Drift: 0 missing, 1 changed, 0 unmanaged, 0 to import (live -> data).",
        "",
      ].join("\n"),
    );
  });

  it("renderDriftMarkdown must say there is no drift when every list is empty", () => {
    expect(renderDriftMarkdown(input(EMPTY))).toBe(
      [
        "## PagerDuty drift",
        "",
        "Account: `http://127.0.0.1:1`, read at 2026-01-05T12:00:00.000Z.",
        "",
        "**No drift**: the account matches the data.",
        "",
      ].join("\n"),
    );
  });

  it("renderDriftMarkdown must escape a pipe in a name so the table keeps its columns", () => {
    const markdown = renderDriftMarkdown(
      input({ ...EMPTY, unmanaged: [{ kind: "service", key: "service:A | B", liveId: "PS1" }] }),
    );

    expect(markdown).toContain("| service | A \\| B |  | PS1 |");
  });
});
