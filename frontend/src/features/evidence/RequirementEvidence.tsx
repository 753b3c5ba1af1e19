import { Card, Skeleton, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

import { evidenceListEvidenceOptions } from "../../api/gen/@tanstack/react-query.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { KIND_LABELS } from "./api";
import { EvidenceStatusBadge } from "./shared";

/** The evidence linked to one requirement (shown on the requirement's page). */
export function RequirementEvidence({ org, requirementRef: ref }: { org: string; requirementRef: string }) {
  const query = useQuery(evidenceListEvidenceOptions({ path: { org }, query: { requirement: ref, limit: 100 } }));
  return (
    <Card withBorder radius="md" component="section" aria-label="Evidence">
      <Title order={4} mb="xs">
        Evidence
      </Title>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={60} />}
      {query.data && query.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No evidence linked yet. Upload it under Evidence and link it to {ref}.
        </Text>
      )}
      {query.data && query.data.items.length > 0 && (
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {query.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <AnchorLink to="/orgs/$org/evidence/$evidenceId" params={{ org, evidenceId: e.id }} size="sm" fw={600}>
                    {e.key}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.title}</Text>
                  <Text size="xs" c="dimmed">
                    {KIND_LABELS[e.kind]} · valid until {formatDate(e.valid_until)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <EvidenceStatusBadge evidence={e} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
