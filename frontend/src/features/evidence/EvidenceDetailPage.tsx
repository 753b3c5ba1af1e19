import { useState } from "react";
import {
  Badge,
  Breadcrumbs,
  Button,
  Card,
  CloseButton,
  Code,
  Group,
  Modal,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import {
  evidenceGetEvidenceOptions,
  evidenceLinkEvidenceDocumentedInformationMutation,
  evidenceLinkEvidenceRequirementMutation,
  evidenceListEvidenceVersionsOptions,
  evidenceTransitionEvidenceMutation,
  evidenceUnlinkEvidenceDocumentedInformationMutation,
  evidenceUnlinkEvidenceRequirementMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { EvidenceRead, EvidenceStatus } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { FileDropZone } from "../../components/FileDropZone";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatBytes } from "../../lib/download";
import { formatDate, formatDateTime } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { invalidateEvidence, invalidateRequirements } from "../../api/invalidate";
import { useMemberOptions } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import {
  downloadVersion,
  KIND_LABELS,
  STATUS_LABELS,
  TRANSITION_LABELS,
  uploadNewVersion,
} from "./api";
import { OccurredDateInput, todayIso } from "../../components/OccurredDate";
import { EvidenceStatusBadge, useDocumentedInformationOptions, useRequirementOptions } from "./shared";

const ROUTE = "/_authed/orgs/$org/evidence/$evidenceId" as const;

function TransitionButtons({ org, evidence }: { org: string; evidence: EvidenceRead }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<EvidenceStatus | null>(null);
  const [note, setNote] = useState("");
  const [approvedOn, setApprovedOn] = useState<string | null>(null);
  const transition = useMutation({
    ...evidenceTransitionEvidenceMutation(),
    onSuccess: (data) => {
      notifySuccess(`${data.key} is now ${STATUS_LABELS[data.status].toLowerCase()}.`);
      setTarget(null);
      setNote("");
      setApprovedOn(null);
    },
    // Approval changes requirement readiness too.
    onSettled: () => Promise.all([invalidateEvidence(queryClient), invalidateRequirements(queryClient)]),
  });
  // Any refusal is shown in the dialog (the guard's reason, e.g. approving one's own upload).
  const problem = transition.error ? toApiProblem(transition.error) : null;
  const move = () =>
    target &&
    transition.mutate({
      path: { org, evidence_id: evidence.id },
      body: { to: target, note, ...(target === "approved" ? { occurred_on: approvedOn ?? todayIso() } : {}) },
    });

  if (evidence.allowed_transitions.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {evidence.allowed_transitions.map((to) => (
          <Button
            key={to}
            size="sm"
            variant={to === "approved" ? "filled" : to === "rejected" ? "light" : "default"}
            color={to === "rejected" ? "red" : to === "approved" ? "teal" : undefined}
            onClick={() => {
              transition.reset();
              setTarget(to);
            }}
          >
            {TRANSITION_LABELS[to]}
          </Button>
        ))}
      </Group>
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={target ? TRANSITION_LABELS[target] : ""} centered>
        <Stack gap="sm">
          <Text size="sm">
            {evidence.key} “{evidence.title}”: {STATUS_LABELS[evidence.status]} → {target ? STATUS_LABELS[target] : ""}
          </Text>
          <Textarea
            label="Note"
            description={target === "rejected" ? "Say what must change." : "Optional; kept in the activity log."}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {target === "approved" && <OccurredDateInput label="Approved on" value={approvedOn ?? todayIso()} onChange={setApprovedOn} w={200} />}
          {problem && <ProblemAlert problem={problem} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setTarget(null)}>
              Cancel
            </Button>
            <Button loading={transition.isPending} onClick={move}>
              Confirm
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Links({ org, evidence, editable }: { org: string; evidence: EvidenceRead; editable: boolean }) {
  const queryClient = useQueryClient();
  const requirementOptions = useRequirementOptions(org);
  const diOptions = useDocumentedInformationOptions();
  const path = { org, evidence_id: evidence.id };
  const settle = {
    onError: (error: unknown) => notifyProblem(error, "Could not change the links"),
    onSettled: () => Promise.all([invalidateEvidence(queryClient), invalidateRequirements(queryClient)]),
  };
  const linkRequirement = useMutation({ ...evidenceLinkEvidenceRequirementMutation(), ...settle, onSuccess: (_d, v) => notifySuccess(`Linked ${v.path.ref}.`) });
  const unlinkRequirement = useMutation({ ...evidenceUnlinkEvidenceRequirementMutation(), ...settle, onSuccess: (_d, v) => notifySuccess(`Unlinked ${v.path.ref}.`) });
  const linkDocument = useMutation({ ...evidenceLinkEvidenceDocumentedInformationMutation(), ...settle, onSuccess: (_d, v) => notifySuccess(`Linked ${v.path.key}.`) });
  const unlinkDocument = useMutation({ ...evidenceUnlinkEvidenceDocumentedInformationMutation(), ...settle, onSuccess: (_d, v) => notifySuccess(`Unlinked ${v.path.key}.`) });
  const changing = [linkRequirement, unlinkRequirement, linkDocument, unlinkDocument].some((m) => m.isPending);

  const chips = (values: string[], onRemove: (v: string) => void, link: (v: string) => React.ReactNode) =>
    values.length === 0 ? (
      <Text size="sm" c="dimmed">
        None
      </Text>
    ) : (
      <Group gap={6}>
        {values.map((v) => (
          <Badge
            key={v}
            variant="light"
            size="lg"
            rightSection={
              editable ? <CloseButton size="xs" aria-label={`Unlink ${v}`} disabled={changing} onClick={() => onRemove(v)} /> : undefined
            }
          >
            {link(v)}
          </Badge>
        ))}
      </Group>
    );

  return (
    <Card withBorder radius="md" component="section" aria-label="Links">
      <Stack gap="sm">
        <Title order={4}>Fulfils</Title>
        <Text size="sm" fw={500}>
          Requirements
        </Text>
        {chips(
          evidence.requirement_refs,
          (ref) => unlinkRequirement.mutate({ path: { ...path, ref } }),
          (ref) => (
            <AnchorLink to="/orgs/$org/requirements/$ref" params={{ org, ref }} size="sm">
              {ref}
            </AnchorLink>
          ),
        )}
        {editable && (
          <Select
            aria-label="Link a requirement"
            placeholder="Link a requirement…"
            data={requirementOptions.filter((o) => !evidence.requirement_refs.includes(o.value))}
            value={null}
            searchable
            disabled={changing}
            comboboxProps={{ withinPortal: true }}
            onChange={(ref) =>
              ref && linkRequirement.mutate({ path: { ...path, ref } })
            }
          />
        )}
        <Text size="sm" fw={500}>
          Documented information
        </Text>
        {chips(
          evidence.documented_information_keys,
          (key) =>
            unlinkDocument.mutate({ path: { ...path, key } }),
          (key) => key,
        )}
        {editable && (
          <Select
            aria-label="Link documented information"
            placeholder="Link a document or record…"
            data={diOptions.filter((o) => !evidence.documented_information_keys.includes(o.value))}
            value={null}
            searchable
            disabled={changing}
            comboboxProps={{ withinPortal: true }}
            onChange={(key) =>
              key && linkDocument.mutate({ path: { ...path, key } })
            }
          />
        )}
      </Stack>
    </Card>
  );
}

function Versions({ org, evidence, editable }: { org: string; evidence: EvidenceRead; editable: boolean }) {
  const queryClient = useQueryClient();
  const members = useMemberOptions(org);
  const names = new Map(members.map((m) => [m.value, m.label]));
  const versions = useQuery(
    evidenceListEvidenceVersionsOptions({ path: { org, evidence_id: evidence.id }, query: { limit: 500 } }),
  );
  const [percent, setPercent] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) => uploadNewVersion(org, evidence.id, file, { onProgress: (p) => setPercent(p.percent) }),
    onMutate: () => setPercent(0),
    onSuccess: () => notifySuccess(`New version of ${evidence.key} uploaded.`),
    onSettled: () => invalidateEvidence(queryClient),
  });
  const problem = upload.error ? toApiProblem(upload.error) : null;

  return (
    <Card withBorder radius="md" component="section" aria-label="Versions">
      <Stack gap="sm">
        <Title order={4}>Versions</Title>
        {versions.isError && <QueryErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
        {versions.isPending && <Skeleton h={80} />}
        {versions.data && versions.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No file yet.
          </Text>
        )}
        {versions.data && versions.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6} aria-label="Versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Size</Table.Th>
                  <Table.Th>SHA-256</Table.Th>
                  <Table.Th>Uploaded</Table.Th>
                  <Table.Th aria-label="Download" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.items.map((v) => (
                  <Table.Tr key={v.number}>
                    <Table.Td>{v.number}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{v.filename}</Text>
                      <Text size="xs" c="dimmed">
                        {v.media_type}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatBytes(v.size)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={v.sha256}>
                        <Code>{v.sha256.slice(0, 12)}…</Code>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{(v.uploaded_by && names.get(v.uploaded_by)) ?? "—"}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(v.uploaded_at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Download version ${v.number}`}
                        onClick={() =>
                          void downloadVersion(org, evidence.id, v.number).catch((e: unknown) =>
                            notifyProblem(e, "Download failed"),
                          )
                        }
                      >
                        Download
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editable && (
          <FileDropZone
            onFiles={(files) => files[0] && upload.mutate(files[0])}
            disabled={upload.isPending}
            label="Drop a new version here or click to choose"
            hint="Versions are immutable; a new upload never overwrites an old one."
          />
        )}
        {upload.isPending && <Progress value={percent} animated size="lg" aria-label="Upload progress" />}
        {problem && <ProblemAlert problem={problem} title="Upload refused" onClose={() => upload.reset()} />}
      </Stack>
    </Card>
  );
}

/** One evidence item: its metadata, approval workflow, immutable versions and links. */
export function EvidenceDetailPage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const { evidenceId } = useParams({ from: ROUTE });
  const query = useQuery(evidenceGetEvidenceOptions({ path: { org: slug, evidence_id: evidenceId } }));
  const e = query.data;
  const editable = can("evidence:write");

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/orgs/$org/evidence" params={{ org: slug }} size="sm">
          Evidence
        </AnchorLink>
        <Text size="sm">{e?.key ?? "…"}</Text>
      </Breadcrumbs>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={300} />}
      {e && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2}>
                {e.key} {e.title}
              </Title>
              <Group gap="xs" mt={4}>
                <EvidenceStatusBadge evidence={e} />
                <Text size="sm" c="dimmed">
                  {KIND_LABELS[e.kind]} · source {e.source} · valid until {formatDate(e.valid_until)}
                  {e.approved_at && ` · approved ${formatDateTime(e.approved_at)}`}
                </Text>
              </Group>
              {e.description && (
                <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
                  {e.description}
                </Text>
              )}
            </div>
            {editable && <TransitionButtons org={slug} evidence={e} />}
          </Group>
          <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
            <div style={{ gridColumn: "span 2" }}>
              <Versions org={slug} evidence={e} editable={editable} />
            </div>
            <Links org={slug} evidence={e} editable={editable} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
