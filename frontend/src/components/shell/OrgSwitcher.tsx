import { Select } from "@mantine/core";
import { useLocation, useNavigate } from "@tanstack/react-router";

import { useCurrentOrg } from "../../features/orgs/useCurrentOrg";
import { useMe } from "../../features/auth/useSession";
import { SECTIONS, sectionOf } from "./sections";

/** Switch between the caller's organisations, staying in the same section. */
export function OrgSwitcher() {
  const me = useMe();
  const { slug } = useCurrentOrg();
  const navigate = useNavigate();
  const section = sectionOf(useLocation({ select: (l) => l.pathname }));
  const data = (me?.memberships ?? []).map((m) => ({ value: m.org_slug, label: m.org_name }));

  return (
    <Select
      aria-label="Organisation"
      data={data}
      value={slug}
      allowDeselect={false}
      searchable={data.length > 6}
      w={{ base: 140, sm: 240 }}
      comboboxProps={{ withinPortal: true }}
      onChange={(value) => {
        if (!value || value === slug) return;
        const target = SECTIONS.some((s) => s.path === section) ? section : "dashboard";
        void navigate({ to: `/orgs/$org/${target}` as "/orgs/$org/dashboard", params: { org: value } });
      }}
    />
  );
}
