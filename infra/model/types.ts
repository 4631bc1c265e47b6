/**
 * The organisation model: the validated data of contacts/ and policies/ with every reference
 * resolved and every entity remembering where it was written.
 */
import type { SourceRef } from "../graph/types";
import type {
  ChainData,
  EscalationPolicyData,
  ScenarioData,
  TargetData,
} from "./schema/escalation";
import type { ContactMethodData, NotificationRuleData, PersonData } from "./schema/person";
import type { CoverageData, LayerData, RestrictionData, RotationData } from "./schema/rotation";
import type { ServiceData } from "./schema/service";
import type { ChannelData, ConnectionData } from "./schema/slack";
import type { MarketHoursData, SeverityData } from "./schema/severity";
import type { TeamData } from "./schema/team";

export type Origin = SourceRef;

export type Located<T> = T & { origin: Origin };

export interface ContactMethod extends Located<ContactMethodData> {
  /** Phone and SMS: the country calling code, after normalisation. */
  countryCode?: number;
  /** Phone and SMS: the national number; email: the address. */
  normalisedAddress: string;
}

export type NotificationRule = Located<NotificationRuleData>;

export interface Person extends Located<
  Omit<PersonData, "contact_methods" | "notification_rules">
> {
  contact_methods: ContactMethod[];
  notification_rules: NotificationRule[];
  /** Ids of every contact method written, including ones refused, so rules naming them are not
   * reported a second time. */
  writtenContactMethodIds: string[];
  /** Where the login email is written, for problems about it. */
  emailOrigin: Origin;
}

export interface Team extends Located<Omit<TeamData, "members">> {
  members: Located<TeamData["members"][number]>[];
}

export interface Layer extends Located<Omit<LayerData, "restrictions">> {
  /** Instants in the rotation's zone, ISO 8601 with offset. */
  startInstant: string;
  endInstant?: string;
  virtualStartInstant: string;
  restrictions: Located<RestrictionData>[];
  /** Where each member is written, in the order of `members`. */
  memberOrigins: Origin[];
}

export interface Rotation extends Located<Omit<RotationData, "layers">> {
  layers: Layer[];
  covers: CoverageData;
}

export type Severity = Located<SeverityData>;

export type ChainLevel = Located<ChainData["levels"][number]>;

export interface Chain {
  levels: ChainLevel[];
  last_level_minutes: number;
  origin: Origin;
}

/** A target after chain levels are replaced by what they contain. */
export type ResolvedTarget = { rotation: string } | { person: string };

export interface PolicyRule {
  atMinute: number;
  targets: ResolvedTarget[];
  /** The levels of the chain this rule stands for, if built from the chain or a level target. */
  levels: string[];
  /** The targets as written, before levels were replaced. */
  written: TargetData[];
  origin: Origin;
}

export interface EscalationPolicy extends Located<Omit<EscalationPolicyData, "rules">> {
  rules: PolicyRule[];
  lastRuleMinutes: number;
  /** True when the rules come from the chain rather than being written out. */
  fromChain: boolean;
}

export interface Service extends Located<ServiceData> {
  /** Where each integration is written, in the order of `integrations`. */
  integrationOrigins: Origin[];
}
export type Channel = Located<ChannelData>;
export interface Connection extends Located<ConnectionData> {
  /** Where each source is written, in the order of `sources`. */
  sourceOrigins: Origin[];
}
export type Scenario = Located<ScenarioData>;

export interface Slack {
  workspace_id: string;
  channels: Channel[];
  connections: Connection[];
  origin: Origin;
}

export interface OrgModel {
  people: Person[];
  teams: Team[];
  rotations: Rotation[];
  severities: Severity[];
  marketHours?: Located<MarketHoursData>;
  holidays: Located<{ date: string; name: string }>[];
  chain?: Chain;
  policies: EscalationPolicy[];
  scenarios: Scenario[];
  services: Service[];
  slack?: Slack;
  emailLists: Located<{ id: string; address: string; purpose: string }>[];
  bridge?: Located<{ dial: string; access_code: string; availability: string }>;
}

export type { TargetData };
