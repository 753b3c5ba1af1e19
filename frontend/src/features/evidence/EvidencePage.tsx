import { useEffect, useState } from "react";
import {
  ActionIcon,
  Alert,
  Badge,
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
  Tooltip,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { IconCheck, IconRefresh, IconX } from "@tabler/icons-react";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";

import { evidenceListEvidenceInfiniteOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { EvidenceKind, EvidenceRead, EvidenceStatus } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { FileDropZone } from "../../components/FileDropZone";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatBytes } from "../../lib/download";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { invalidateEvidence } from "../../api/invalidate";
import { DownloadPackButton } from "../exports/DownloadPackButton";
import { useMemberOptions } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { KIND_LABELS, KIND_OPTIONS, STATUS_OPTIONS, uploadNewEvidence, type NewEvidence } from "./api";
import { EvidenceStatusBadge, useDocumentedInformationOptions, useRequirementOptions } from "./shared";
import { queueCounts, queueSummary, type UploadItem } from "./uploadQueue";
import { runMutation, useUploadQueue } from "./useUploadQueue";

const PAGE_SIZE = 50;
const EXPIRING_DAYS = 30;

const CONCURRENT_UPLOADS = 2;

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, "") || name;
}

type EvidenceUpload = UploadItem<NewEvidence, EvidenceRead>;

const STATUS_BADGES: Record<"ready" | "queued", { label: string; color: string }> = {
  ready: { label: "Ready", color: "gray" },
  queued: { label: "Queued", color: "blue" },
};

/** One file of the upload queue: title while ready, then its progress and outcome. */
function QueueRow({ org, item, onTitle, onRetry, onRemove }: { org: string; item: EvidenceUpload; onTitle: (title: string) => void; onRetry: () => void; onRemove: () => void }) {
  const name = item.file.name;
  return (
    <Table.Tr data-file={name} data-status={item.status} data-percent={item.percent}>
      <Table.Td>
        <Text size="sm" fw={500} style={{ wordBreak: "break-all" }}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatBytes(item.file.size)}
        </Text>
      </Table.Td>
      <Table.Td>
        {item.status === "ready" ? (
          <TextInput
            aria-label={`Title for ${name}`}
            placeholder="Title"
            required
            size="xs"
            value={item.meta.title}
            error={item.meta.title.trim() ? undefined : "Give it a title"}
            onChange={(e) => onTitle(e.currentTarget.value)}
          />
        ) : (
          <Text size="sm">{item.meta.title}</Text>
        )}
      </Table.Td>
      <Table.Td w={240}>
        {(item.status === "ready" || item.status === "queued") && (
          <Badge variant="light" color={STATUS_BADGES[item.status].color}>
            {STATUS_BADGES[item.status].label}
          </Badge>
        )}
        {item.status === "uploading" && (
          <Group gap="xs" wrap="nowrap">
            <Progress value={item.percent} animated size="lg" style={{ flex: 1 }} aria-label={`Upload progress of ${name}`} />
            <Text size="xs" w={36} ta="right">
              {item.percent} %
            </Text>
          </Group>
        )}
        {item.status === "done" && item.result && (
          <Group gap={6} wrap="nowrap">
            <IconCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden />
            <Text size="sm">
              Done:{" "}
              <AnchorLink to="/orgs/$org/evidence/$evidenceId" params={{ org, evidenceId: item.result.id }} size="sm">
                {item.result.key}
              </AnchorLink>
            </Text>
          </Group>
        )}
        {item.status === "failed" && (
          <Text size="sm" c="red" role="alert">
            Failed: {item.problem?.detail ?? item.problem?.title ?? "upload failed"}
          </Text>
        )}
      </Table.Td>
      <Table.Td w={120}>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {item.status === "failed" && (
            <Button size="compact-xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onRetry} aria-label={`Retry ${name}`}>
              Retry
            </Button>
          )}
          <Tooltip label={item.status === "uploading" ? "Cancel this upload" : "Remove from the list"}>
            <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={`${item.status === "uploading" ? "Cancel" : "Remove"} ${name}`}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Drop one or many files, name each, give what they share (kind, links), upload: each file is
 * its own evidence item, uploaded with its own progress, status and retry.
 */
function UploadCard({ org, fulfils, onUploaded }: { org: string; fulfils?: string; onUploaded: () => void }) {
  const queryClient = useQueryClient();
  const requirementOptions = useRequirementOptions(org);
  const diOptions = useDocumentedInformationOptions();
  // Prepared for a document (?fulfils=D8 from a readiness fix link): a plan, fulfilling it.
  const [kind, setKind] = useState<EvidenceKind>(fulfils ? "plan" : "record");
  const [refs, setRefs] = useState<string[]>([]);
  const [keys, setKeys] = useState<string[]>(fulfils ? [fulfils] : []);
  // Document control (RDY-11): a document needs an owner and a review date besides approval.
  const owners = useMemberOptions(org, "evidence:write");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [reviewBy, setReviewBy] = useState<string | null>(null);

  const { queue, items } = useUploadQueue<NewEvidence, EvidenceRead>({
    concurrency: CONCURRENT_UPLOADS,
    upload: (job) =>
      runMutation(queryClient, () =>
        uploadNewEvidence(org, job.file, job.meta, {
          onProgress: (p) => job.onProgress(p.percent),
          idempotencyKey: job.idempotencyKey,
          signal: job.signal,
        }),
      ),
    onDone: (item) => {
      if (item.result) notifySuccess(`${item.result.key} “${item.result.title}” uploaded.`);
      onUploaded();
    },
    // Also told when the card is no longer on screen (the uploads outlive it).
    onFailed: (item) => notifyProblem(item.problem, `${item.file.name} was not uploaded`),
  });
  const counts = queueCounts(items);
  const busy = counts.queued + counts.uploading > 0;
  useEffect(() => {
    if (!busy) return;
    // Closing or reloading the tab would cut the uploads off: let the browser ask first.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);
  const untitled = items.some((i) => i.status === "ready" && !i.meta.title.trim());

  const choose = (files: File[]) =>
    queue.add(files, (f) => ({ title: stem(f.name), kind, requirement_refs: [], documented_information_keys: [] }));
  const start = () =>
    queue.start((m) => ({
      ...m,
      title: m.title.trim(),
      kind,
      requirement_refs: refs,
      documented_information_keys: keys,
      owner_id: ownerId,
      valid_until: reviewBy,
    }));
  const discardReady = () => items.filter((i) => i.status === "ready").forEach((i) => queue.remove(i.id));

  return (
    <Card withBorder radius="md" component="section" aria-label="Upload evidence">
      <Stack gap="sm">
        <Title order={4}>Upload evidence</Title>
        <FileDropZone onFiles={choose} multiple hint="Policies, procedures, records, exports, reports… Each file becomes its own evidence item." />
        {counts.ready > 0 && (
          <Group align="flex-end" gap="sm" wrap="wrap">
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
            <Select
              label="Owner"
              data={owners}
              value={ownerId}
              clearable
              searchable
              w={200}
              placeholder={keys.length ? "Needed for a document" : undefined}
              comboboxProps={{ withinPortal: true }}
              onChange={setOwnerId}
            />
            <DateInput
              label="Review by"
              valueFormat="D MMM YYYY"
              value={reviewBy}
              clearable
              w={160}
              placeholder={keys.length ? "Needed for a document" : undefined}
              popoverProps={{ withinPortal: true }}
              onChange={setReviewBy}
            />
            <Button onClick={start} disabled={untitled}>
              {counts.ready === 1 ? "Upload" : `Upload ${counts.ready} files`}
            </Button>
            <Button variant="subtle" onClick={discardReady}>
              Cancel
            </Button>
          </Group>
        )}
        {items.length > 0 && (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={6} aria-label="Upload queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>File</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th aria-label="Actions" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <QueueRow
                      key={item.id}
                      org={org}
                      item={item}
                      onTitle={(title) => queue.edit(item.id, (m) => ({ ...m, title }))}
                      onRetry={() => queue.retry(item.id)}
                      onRemove={() => queue.remove(item.id)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between" gap="sm">
              <Text size="xs" c="dimmed" role="status">
                {queueSummary(counts)}
              </Text>
              {counts.done > 0 && (
                <Button size="compact-xs" variant="subtle" onClick={() => queue.clearDone()}>
                  Clear finished
                </Button>
              )}
            </Group>
          </>
        )}
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
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={2}>Evidence</Title>
          {total !== undefined && (
            <Text size="sm" c="dimmed">
              Showing {items.length} of {total} {total === 1 ? "item" : "items"}
            </Text>
          )}
        </div>
        {can("exports:read") && (
          <DownloadPackButton
            org={slug}
            clauses={requirement ? [requirement] : []}
            documents={fulfils ? [fulfils] : []}
            approvedOnly={status === "approved"}
          />
        )}
      </Group>

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
