import { useState } from "react";
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  Progress,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";

import { evidenceListEvidenceInfiniteOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { EvidenceKind, EvidenceStatus } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { FileDropZone } from "../../components/FileDropZone";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatBytes } from "../../lib/download";
import { formatDate } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { toApiProblem, type ApiProblem } from "../../lib/problem";
import { invalidateEvidence } from "../../api/invalidate";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { KIND_LABELS, KIND_OPTIONS, STATUS_OPTIONS, uploadNewEvidence } from "./api";
import { EvidenceStatusBadge, useDocumentedInformationOptions, useRequirementOptions } from "./shared";

const PAGE_SIZE = 50;
const EXPIRING_DAYS = 30;

function UploadCard({ org, fulfils, onUploaded }: { org: string; fulfils?: string; onUploaded: () => void }) {
  const requirementOptions = useRequirementOptions(org);
  const diOptions = useDocumentedInformationOptions();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  // Prepared for a document (?fulfils=D8 from a readiness fix link): a plan, fulfilling it.
  const [kind, setKind] = useState<EvidenceKind>(fulfils ? "plan" : "record");
  const [refs, setRefs] = useState<string[]>([]);
  const [keys, setKeys] = useState<string[]>(fulfils ? [fulfils] : []);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const choose = (files: File[]) => {
    const f = files[0];
    if (!f) return;
    setFile(f);
    setProblem(null);
    if (!title) setTitle(f.name.replace(/\.[^.]+$/, ""));
  };

  const upload = async () => {
    if (!file || !title.trim()) return;
    setProgress(0);
    setProblem(null);
    try {
      const created = await uploadNewEvidence(
        org,
        file,
        { title: title.trim(), kind, requirement_refs: refs, documented_information_keys: keys },
        (p) => setProgress(p.percent),
      );
      notifySuccess(`${created.key} “${created.title}” uploaded.`);
      setFile(null);
      setTitle("");
      setRefs([]);
      setKeys(fulfils ? [fulfils] : []);
      onUploaded();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card withBorder radius="md" component="section" aria-label="Upload evidence">
      <Stack gap="sm">
        <Title order={4}>Upload evidence</Title>
        <FileDropZone onFiles={choose} disabled={progress !== null} hint="Policies, procedures, records, exports, reports…" />
        {file && (
          <>
            <Text size="sm">
              Selected: <b>{file.name}</b> ({formatBytes(file.size)})
            </Text>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput label="Title" required value={title} w={260} onChange={(e) => setTitle(e.currentTarget.value)} />
              <Select
                label="Kind"
                data={KIND_OPTIONS}
                value={kind}
                allowDeselect={false}
                w={160}
                comboboxProps={{ withinPortal: true }}
                onChange={(v) => v && setKind(v as EvidenceKind)}
              />
              <MultiSelect
                label="Requirements"
                data={requirementOptions}
                value={refs}
                searchable
                w={280}
                comboboxProps={{ withinPortal: true }}
                onChange={setRefs}
              />
              <MultiSelect
                label="Documented information"
                data={diOptions}
                value={keys}
                searchable
                w={240}
                comboboxProps={{ withinPortal: true }}
                onChange={setKeys}
              />
              <Button onClick={() => void upload()} loading={progress !== null} disabled={!title.trim()}>
                Upload
              </Button>
              <Button variant="subtle" disabled={progress !== null} onClick={() => setFile(null)}>
                Cancel
              </Button>
            </Group>
          </>
        )}
        {progress !== null && (
          <Progress value={progress} animated size="lg" aria-label="Upload progress" aria-valuenow={progress} />
        )}
        {problem && <ProblemAlert problem={problem} title="Upload refused" onClose={() => setProblem(null)} />}
      </Stack>
    </Card>
  );
}

/** Evidence items with filters, cursor paging and a drag-and-drop upload. */
export function EvidencePage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const { fulfils } = useSearch({ from: "/_authed/orgs/$org/evidence" });
  const navigate = useNavigate();
  const diOptions = useDocumentedInformationOptions();
  const queryClient = useQueryClient();
  const requirementOptions = useRequirementOptions(slug);
  const [requirement, setRequirement] = useState<string | null>(null);
  const [status, setStatus] = useState<EvidenceStatus | null>(null);
  const [expiring, setExpiring] = useState(false);
  const canWrite = can("evidence:write");

  const query = {
    limit: PAGE_SIZE,
    requirement: requirement ?? undefined,
    status: status ?? undefined,
    documented_information: fulfils,
    expiring_within_days: expiring ? EXPIRING_DAYS : undefined,
  };
  const list = useInfiniteQuery({
    ...evidenceListEvidenceInfiniteOptions({ path: { org: slug }, query }),
    initialPageParam: { path: { org: slug }, query: {} },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Evidence</Title>
        {total !== undefined && (
          <Text size="sm" c="dimmed">
            Showing {items.length} of {total} {total === 1 ? "item" : "items"}
          </Text>
        )}
      </div>

      {fulfils && (
        <Alert color="blue" variant="light" title={`Evidence for ${diOptions.find((o) => o.value === fulfils)?.label ?? fulfils}`}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              Showing only evidence that fulfils {fulfils}; a new upload is prepared to fulfil it. It counts once approved.
            </Text>
            <Button size="xs" variant="subtle" onClick={() => void navigate({ to: "/orgs/$org/evidence", params: { org: slug } })}>
              Show all evidence
            </Button>
          </Group>
        </Alert>
      )}

      {canWrite && (
        <UploadCard key={fulfils ?? ""} org={slug} fulfils={fulfils} onUploaded={() => void invalidateEvidence(queryClient)} />
      )}

      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Requirement"
          placeholder="Any requirement"
          data={requirementOptions}
          value={requirement}
          searchable
          clearable
          w={300}
          comboboxProps={{ withinPortal: true }}
          onChange={setRequirement}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={status}
          clearable
          w={180}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setStatus(v as EvidenceStatus | null)}
        />
        <Switch
          label={`Expiring within ${EXPIRING_DAYS} days`}
          checked={expiring}
          mb={8}
          onChange={(e) => setExpiring(e.currentTarget.checked)}
        />
      </Group>

      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Skeleton h={200} />}
      {list.data && items.length === 0 && <Text c="dimmed">No evidence matches.</Text>}

      {items.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Evidence">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Requirements</Table.Th>
                <Table.Th>Current file</Table.Th>
                <Table.Th>Valid until</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <AnchorLink to="/orgs/$org/evidence/$evidenceId" params={{ org: slug, evidenceId: e.id }} fw={600} size="sm">
                      {e.key}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.title}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{KIND_LABELS[e.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <EvidenceStatusBadge evidence={e} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.requirement_refs.join(", ") || "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {e.current_version
                        ? `${e.current_version.filename} (v${e.current_version.number}, ${formatBytes(e.current_version.size)})`
                        : "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(e.valid_until)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button variant="default" w="fit-content" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
