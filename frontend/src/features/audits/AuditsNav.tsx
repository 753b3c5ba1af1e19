import { Group } from "@mantine/core";
import { useLocation } from "@tanstack/react-router";

import { ButtonLink } from "../../components/links";

const TABS = [
  { to: "/orgs/$org/audits", label: "Audits" },
  { to: "/orgs/$org/audits/programmes", label: "Programmes" },
  { to: "/orgs/$org/audits/coverage", label: "Coverage" },
] as const;

/** Sub-navigation of the audits section. */
export function AuditsNav({ org }: { org: string }) {
  const pathname = useLocation({ select: (l) => l.pathname });
  return (
    <Group gap="xs" component="nav" aria-label="Audits" className="no-print">
      {TABS.map((t) => {
        const active = pathname === t.to.replace("$org", org);
        return (
          <ButtonLink
            key={t.to}
            to={t.to}
            params={{ org }}
            size="xs"
            variant={active ? "light" : "subtle"}
            aria-current={active ? "page" : undefined}
          >
            {t.label}
          </ButtonLink>
        );
      })}
    </Group>
  );
}
