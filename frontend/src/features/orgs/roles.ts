import type { Role } from "../../api/gen/types.gen";

/** Display names for the per-organisation roles, in order of privilege. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  sms_manager: "SMS manager",
  process_owner: "Process owner",
  auditor: "Auditor",
  external_auditor: "External auditor",
  viewer: "Viewer",
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export function isRole(value: string | null): value is Role {
  return value !== null && value in ROLE_LABELS;
}
