import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import {
  evidenceListEvidenceOptions,
  frameworksListDocumentedInformationOptions,
  requirementsListRequirementsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { EvidenceRead } from "../../api/gen/types.gen";
import { FRAMEWORK } from "../requirements/catalogue";
import { STATUS_COLORS, STATUS_LABELS } from "./api";

export function EvidenceStatusBadge({ evidence }: { evidence: Pick<EvidenceRead, "status" | "expired" | "archived"> }) {
  return (
    <>
      <Badge variant="light" color={STATUS_COLORS[evidence.status]}>
        {STATUS_LABELS[evidence.status]}
      </Badge>
      {evidence.expired && (
        <Badge variant="outline" color="orange" ml={4}>
          Expired
        </Badge>
      )}
      {evidence.archived && (
        <Badge variant="outline" color="gray" ml={4}>
          Archived
        </Badge>
      )}
    </>
  );
}

/** Assessable requirements as select options ("8.6.1 Incident management"). */
export function useRequirementOptions(org: string) {
  const { data } = useQuery({
    ...requirementsListRequirementsOptions({ path: { org }, query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });
  return (data?.items ?? []).map((r) => ({ value: r.ref, label: `${r.ref} ${r.title}` }));
}

/** The documents (D1..) and records (R1..) the framework asks for, as select options. */
export function useDocumentedInformationOptions() {
  const { data } = useQuery({
    ...frameworksListDocumentedInformationOptions({ path: { framework: FRAMEWORK } }),
    staleTime: 60 * 60_000,
  });
  return (data?.items ?? []).map((d) => ({ value: d.key, label: `${d.key} ${d.title}` }));
}

/** Evidence items as select options ("E-3 Change procedure"). */
export function useEvidenceOptions(org: string) {
  return useQuery({
    ...evidenceListEvidenceOptions({ path: { org }, query: { limit: 500 } }),
    staleTime: 60_000,
    select: (page) => page.items.map((e) => ({ value: e.id, label: `${e.key} ${e.title}` })),
  });
}
