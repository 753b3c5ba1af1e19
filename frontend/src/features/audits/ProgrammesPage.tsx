import { useState } from "react";
import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconCheck, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { auditProgrammesApproveAuditProgrammeMutation, auditsListAuditsOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { AuditProgrammeRead } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate, formatDateTime } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { invalidateProgrammes } from "../../api/invalidate";
import { memberNames, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { useProgrammes } from "./api";
import { AuditStatusBadge } from "./AuditsPage";
import { AuditsNav } from "./AuditsNav";
import { ProgrammeFormModal } from "./ProgrammeFormModal";

function period(p: AuditProgrammeRead): string {
  const dates = p.period_start && p.period_end ? `${formatDate(p.period_start)} – ${formatDate(p.period_end)}` : "";
  return [p.period_label, dates].filter(Boolean).join(" · ");
}

/** Audit programmes (9.2): period, objectives, method; approval by management. */
export function ProgrammesPage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const queryClient = useQueryClient();
  const programmes = useProgrammes(slug);
  const audits = useQuery(auditsListAuditsOptions({ path: { org: slug }, query: { limit: 500 } }));
  const names = memberNames(useMembers(slug).data);
  const [editing, setEditing] = useState<AuditProgrammeRead | "new" | null>(null);
  const canManage = can("audits:manage");

  const approval = useMutation({
    ...auditProgrammesApproveAuditProgrammeMutation(),
    onSuccess: (data) => notifySuccess(`'${data.title}' approved.`),
    onError: (error) => notifyProblem(error, "Could not approve the programme"),
    onSettled: () => invalidateProgrammes(queryClient),
  });
  const approving = approval.isPending ? approval.variables.path.programme_id : null;
  const approve = (p: AuditProgrammeRead) => approval.mutate({ path: { org: slug, programme_id: p.id } });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Audit programmes</Title>
          <Text size="sm" c="dimmed">
            Frequency, methods, responsibilities, planning and reporting of internal audits.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
            New programme
          </Button>
        )}
      </Group>
      <AuditsNav org={slug} />

      {programmes.isError && <QueryErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />}
      {programmes.isPending && <Skeleton h={160} />}
      {programmes.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No audit programme yet. Internal audits are planned within a programme.
        </Text>
      )}
      {programmes.data?.map((p) => {
        const planned = (audits.data?.items ?? []).filter((a) => a.programme_id === p.id);
        return (
          <Card key={p.id} withBorder padding="md" component="section" aria-label={`Programme ${p.title}`}>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Title order={4}>{p.title}</Title>
                  {p.approved ? (
                    <Tooltip
                      label={`Approved ${formatDateTime(p.approved_at)}${p.approved_by_id ? ` by ${names.get(p.approved_by_id) ?? "a former member"}` : ""}`}
                    >
                      <Badge color="teal" variant="light">
                        Approved
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge color="gray" variant="light">
                      Draft
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {period(p)}
                </Text>
              </div>
              {canManage && (
                <Group gap="xs">
                  <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(p)}>
                    Edit
                  </Button>
                  {!p.approved && (
                    <Tooltip label="Describe the method first" disabled={p.method.trim() !== ""}>
                      <Button
                        size="xs"
                        color="teal"
                        leftSection={<IconCheck size={14} aria-hidden />}
                        loading={approving === p.id}
                        disabled={!p.method.trim()}
                        onClick={() => approve(p)}
                      >
                        Approve
                      </Button>
                    </Tooltip>
                  )}
                </Group>
              )}
            </Group>
            {p.objectives && (
              <Text size="sm" mt="sm" style={{ whiteSpace: "pre-wrap" }}>
                <b>Objectives:</b> {p.objectives}
              </Text>
            )}
            {p.method && (
              <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
                <b>Method:</b> {p.method}
              </Text>
            )}
            {p.risk_basis && (
              <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
                <b>Risk basis:</b> {p.risk_basis}
              </Text>
            )}
            <Text size="sm" fw={500} mt="sm">
              Audits ({planned.length})
            </Text>
            {planned.length === 0 ? (
              <Text size="sm" c="dimmed">
                None planned yet.
              </Text>
            ) : (
              <Stack gap={2}>
                {planned.map((a) => (
                  <Group key={a.id} gap="xs">
                    <AnchorLink size="sm" to="/orgs/$org/audits/$auditId" params={{ org: slug, auditId: a.id }}>
                      {a.key} {a.title}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {formatDate(a.planned_start_date)}
                    </Text>
                    <AuditStatusBadge status={a.status} />
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        );
      })}

      <ProgrammeFormModal
        org={slug}
        opened={editing !== null}
        programme={editing === "new" || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          setEditing(null);
          notifySuccess(`'${p.title}' saved.`);
          void invalidateProgrammes(queryClient);
        }}
      />
    </Stack>
  );
}
