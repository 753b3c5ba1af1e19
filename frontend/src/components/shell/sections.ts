import type { Icon } from "@tabler/icons-react";
import type { Role } from "../../api/gen/types.gen";
import {
  IconAlertTriangle,
  IconBuildingCommunity,
  IconLifebuoy,
  IconReportAnalytics,
  IconChecklist,
  IconDatabase,
  IconDoorEnter,
  IconClipboardCheck,
  IconFlame,
  IconFileCertificate,
  IconGauge,
  IconHistory,
  IconKey,
  IconPlugConnected,
  IconPresentation,
  IconSchool,
  IconServer,
  IconSettings,
  IconTarget,
  IconTicket,
  IconTool,
  IconTruckDelivery,
  IconUsers,
} from "@tabler/icons-react";

export interface Section {
  /** Path below /orgs/$org/ */
  path: string;
  label: string;
  icon: Icon;
  group: "main" | "admin";
  /** Only for these roles (every role when absent). */
  roles?: readonly Role[];
}

/** The certification body's auditor works in the audit room; besides it they see only the
 * read-only pages of their audits and findings (no edit forms, no selection). */
export const AUDIT_ROOM_ROLES: readonly Role[] = ["external_auditor"];
const EXTERNAL_AUDITOR_SECTIONS = new Set(["audit-room", "audits", "findings"]);

export const SECTIONS: readonly Section[] = [
  { path: "audit-room", label: "Audit room", icon: IconDoorEnter, group: "main", roles: AUDIT_ROOM_ROLES },
  { path: "dashboard", label: "Dashboard", icon: IconGauge, group: "main" },
  { path: "requirements", label: "Requirements", icon: IconChecklist, group: "main" },
  { path: "evidence", label: "Evidence", icon: IconFileCertificate, group: "main" },
  { path: "audits", label: "Audits", icon: IconClipboardCheck, group: "main" },
  { path: "findings", label: "Findings", icon: IconAlertTriangle, group: "main" },
  { path: "corrective-measures", label: "Corrective measures", icon: IconTool, group: "main" },
  { path: "management-reviews", label: "Management reviews", icon: IconPresentation, group: "main" },
  { path: "training", label: "Training", icon: IconSchool, group: "main" },
  { path: "objectives", label: "Objectives", icon: IconTarget, group: "main" },
  { path: "services", label: "Services", icon: IconServer, group: "main" },
  { path: "suppliers", label: "Suppliers", icon: IconTruckDelivery, group: "main" },
  { path: "context", label: "Context", icon: IconBuildingCommunity, group: "main" },
  { path: "risks", label: "Risks", icon: IconFlame, group: "main" },
  { path: "configuration-items", label: "Configuration", icon: IconDatabase, group: "main" },
  { path: "continuity", label: "Continuity", icon: IconLifebuoy, group: "main" },
  { path: "service-reports", label: "Service reports", icon: IconReportAnalytics, group: "main" },
  { path: "itsm-records", label: "ITSM records", icon: IconTicket, group: "main" },
  { path: "activity", label: "Activity", icon: IconHistory, group: "admin" },
  { path: "members", label: "Members", icon: IconUsers, group: "admin" },
  { path: "integrations", label: "Integrations", icon: IconPlugConnected, group: "admin" },
  { path: "api-tokens", label: "API tokens", icon: IconKey, group: "admin" },
  { path: "settings", label: "Settings", icon: IconSettings, group: "admin" },
];

/** The section of a pathname like /orgs/acme/members/... ("members"), if any. */
export function sectionOf(pathname: string): string | undefined {
  const match = /^\/orgs\/[^/]+\/([^/?#]+)/.exec(pathname);
  return match?.[1];
}

/** The sections the navigation shows to `role`. */
export function sectionsFor(role: Role | undefined): readonly Section[] {
  if (role === "external_auditor") return SECTIONS.filter((s) => EXTERNAL_AUDITOR_SECTIONS.has(s.path));
  return SECTIONS.filter((s) => !s.roles || (role !== undefined && s.roles.includes(role)));
}

/** Where a member of an organisation lands: the audit room for the certification body. */
export function landingSection(role: Role | undefined): "audit-room" | "dashboard" {
  return role !== undefined && AUDIT_ROOM_ROLES.includes(role) ? "audit-room" : "dashboard";
}
