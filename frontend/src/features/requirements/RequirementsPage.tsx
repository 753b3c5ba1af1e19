import { Fragment, useEffect, useMemo, useState } from "react";
import {
  Accordion,
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Progress,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconChevronDown, IconChevronRight, IconSearch } from "@tabler/icons-react";
import { useNavigate, useSearch } from "@tanstack/react-router";

import type { RequirementRead, RequirementStatusCounts } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import type { ApiProblem } from "../../lib/problem";
import { useMemberOptions, type MemberOption } from "../members/api";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { useEditScope, useRequirementGroups, useRequirementRows, useRequirementSummary } from "./api";
import { BulkEditBar } from "./BulkEditBar";
import { OwnerCell, StatusCell, TargetDateCell, useSaveRequirement } from "./RequirementRowEditor";
import { hasFilters, type RequirementsSearch } from "./search";
import { isStatus, STATUS_COLORS, STATUS_LABELS, STATUS_OPTIONS, STATUSES } from "./status";
import { buildTree, percentDone, type StatusCounts, type TreeNode } from "./tree";

const ROUTE = "/_authed/orgs/$org/requirements" as const;

/** Stacked bar: implemented / in progress / planned out of all requirements of a clause. */
export function StatusProgress({ counts, label }: { counts: Pick<StatusCounts, "total" | "implemented" | "in_progress" | "planned">; label: string }) {
  const pct = (n: number) => (counts.total ? (n / counts.total) * 100 : 0);
  return (
    <Tooltip
      label={`${counts.implemented} implemented, ${counts.in_progress} in progress, ${counts.planned} planned of ${counts.total}`}
    >
      <Progress.Root size="lg" w={160} aria-label={label}>
        <Progress.Section value={pct(counts.implemented)} color={STATUS_COLORS.implemented} />
        <Progress.Section value={pct(counts.in_progress)} color={STATUS_COLORS.in_progress} />
        <Progress.Section value={pct(counts.planned)} color={STATUS_COLORS.planned} />
      </Progress.Root>
    </Tooltip>
  );
}

function CountBadges({ counts }: { counts: StatusCounts }) {
  return (
    <Group gap={4} wrap="wrap">
      {STATUSES.filter((s) => counts[s] > 0).map((s) => (
        <Badge key={s} size="sm" variant="light" color={STATUS_COLORS[s]}>
          {counts[s]} {STATUS_LABELS[s].toLowerCase()}
        </Badge>
      ))}
    </Group>
  );
}

export function StatusBadge({ status }: { status: RequirementRead["status"] }) {
  if (!status) return null;
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

function Filters({ search, members, clauses }: { search: RequirementsSearch; members: MemberOption[]; clauses: { value: string; label: string }[] }) {
  const navigate = useNavigate({ from: "/orgs/$org/requirements" });
  const set = (patch: Partial<RequirementsSearch>) =>
    void navigate({ search: (prev: RequirementsSearch) => ({ ...prev, ...patch }), replace: true });
  const [q, setQ] = useState(search.q ?? "");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  useEffect(() => {
    if ((debouncedQ || undefined) !== search.q) set({ q: debouncedQ || undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);
  useEffect(() => setQ(search.q ?? ""), [search.q]);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Clause"
        placeholder="All clauses"
        data={clauses}
        value={search.clause ?? null}
        searchable
        clearable
        w={280}
        comboboxProps={{ withinPortal: true }}
        onChange={(v) => set({ clause: v ?? undefined })}
      />
      <MultiSelect
        label="Status"
        placeholder={search.status?.length ? undefined : "Any status"}
        data={STATUS_OPTIONS}
        value={search.status ?? []}
        clearable
        w={240}
        comboboxProps={{ withinPortal: true }}
        onChange={(v) => {
          const status = v.filter(isStatus);
          set({ status: status.length ? status : undefined });
        }}
      />
      <Select
        label="Owner"
        placeholder="Anyone"
        data={members}
        value={search.owner ?? null}
        searchable
        clearable
        w={200}
        comboboxProps={{ withinPortal: true }}
        onChange={(v) => set({ owner: v ?? undefined })}
      />
      <Select
        label="Not occurring"
        data={[
          { value: "any", label: "Any" },
          { value: "true", label: "Not occurring only" },
          { value: "false", label: "Occurring only" },
        ]}
        value={search.not_occurring === undefined ? "any" : String(search.not_occurring)}
        allowDeselect={false}
        w={180}
        comboboxProps={{ withinPortal: true }}
        onChange={(v) => set({ not_occurring: v === "true" ? true : v === "false" ? false : undefined })}
      />
      <TextInput
        label="Search"
        placeholder="Ref or title"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={q}
        w={220}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      {hasFilters(search) && (
        <Button variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

interface TableContext {
  org: string;
  members: MemberOption[];
  selected: Set<string>;
  errored: Set<string>;
  collapsed: Set<string>;
  toggleCollapsed: (ref: string) => void;
  setSelected: (refs: string[], on: boolean) => void;
  canEdit: (row: RequirementRead) => boolean;
  save: (row: RequirementRead, body: Parameters<ReturnType<typeof useSaveRequirement>["save"]>[1]) => void;
  pendingRef: string | null;
}

function selectionState(refs: string[], selected: Set<string>) {
  const n = refs.filter((r) => selected.has(r)).length;
  return { checked: n > 0 && n === refs.length, indeterminate: n > 0 && n < refs.length };
}

function Rows({ node, ctx, indent }: { node: TreeNode<RequirementRead>; ctx: TableContext; indent: number }) {
  const row = node.row;
  if (row) {
    const disabled = !ctx.canEdit(row) || ctx.pendingRef === row.ref;
    return (
      <Table.Tr bg={ctx.errored.has(row.ref) ? "red.0" : ctx.selected.has(row.ref) ? "blue.0" : undefined}>
        <Table.Td w={36}>
          <Checkbox
            aria-label={`Select ${row.ref}`}
            checked={ctx.selected.has(row.ref)}
            onChange={(e) => ctx.setSelected([row.ref], e.currentTarget.checked)}
          />
        </Table.Td>
        <Table.Td style={{ paddingLeft: 8 + indent * 16, whiteSpace: "nowrap" }}>
          <AnchorLink to="/orgs/$org/requirements/$ref" params={{ org: ctx.org, ref: row.ref }} fw={600} size="sm">
            {row.ref}
          </AnchorLink>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{row.title}</Text>
          {row.not_occurring && (
            <Badge size="xs" variant="outline" color="grape">
              Not occurring
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          <StatusCell row={row} disabled={disabled} onSave={(b) => ctx.save(row, b)} />
        </Table.Td>
        <Table.Td>
          <OwnerCell row={row} members={ctx.members} disabled={disabled} onSave={(b) => ctx.save(row, b)} />
        </Table.Td>
        <Table.Td>
          <TargetDateCell row={row} disabled={disabled} onSave={(b) => ctx.save(row, b)} />
        </Table.Td>
      </Table.Tr>
    );
  }
  const open = !ctx.collapsed.has(node.ref);
  const sel = selectionState(node.leafRefs, ctx.selected);
  return (
    <Fragment>
      <Table.Tr bg="gray.0">
        <Table.Td w={36}>
          <Checkbox
            aria-label={`Select all in ${node.ref}`}
            checked={sel.checked}
            indeterminate={sel.indeterminate}
            onChange={(e) => ctx.setSelected(node.leafRefs, e.currentTarget.checked)}
          />
        </Table.Td>
        <Table.Td colSpan={5} style={{ paddingLeft: 8 + indent * 16 }}>
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={`${open ? "Collapse" : "Expand"} ${node.ref}`}
                aria-expanded={open}
                onClick={() => ctx.toggleCollapsed(node.ref)}
              >
                {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
              </ActionIcon>
              <Text size="sm" fw={600}>
                {node.ref} {node.title}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <CountBadges counts={node.counts} />
              <StatusProgress counts={node.counts} label={`Progress of ${node.ref}`} />
            </Group>
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && node.children.map((child) => <Rows key={child.ref} node={child} ctx={ctx} indent={indent + 1} />)}
    </Fragment>
  );
}

function ClauseTable({ node, ctx }: { node: TreeNode<RequirementRead>; ctx: TableContext }) {
  const sel = selectionState(node.leafRefs, ctx.selected);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} aria-label={`Requirements of clause ${node.ref}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label={`Select all in ${node.ref}`}
                checked={sel.checked}
                indeterminate={sel.indeterminate}
                onChange={(e) => ctx.setSelected(node.leafRefs, e.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th>Ref</Table.Th>
            <Table.Th>Requirement</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Target date</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {node.children.map((child) => (
            <Rows key={child.ref} node={child} ctx={ctx} indent={0} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The clause tree 4 → 10 with status, owner and target date of every requirement. */
export function RequirementsPage() {
  const { slug } = useCurrentOrg();
  const search: RequirementsSearch = useSearch({ from: ROUTE });
  const groups = useRequirementGroups(slug);
  const rowsQuery = useRequirementRows(slug, search);
  const summary = useRequirementSummary(slug);
  // Owners are members who may edit what they own (requirements:edit_own).
  const members = useMemberOptions(slug, "requirements:edit_own");
  const { canEdit, scope } = useEditScope();
  const { save, pendingRef } = useSaveRequirement(slug);

  const [selected, setSelectedState] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [closedClauses, setClosedClauses] = useState<string[]>([]);
  const [bulkProblem, setBulkProblem] = useState<{ problem: ApiProblem; refs: Set<string> } | null>(null);

  const rows = useMemo(() => rowsQuery.data?.pages.flatMap((p) => p.items) ?? [], [rowsQuery.data]);
  const total = rowsQuery.data?.pages[0]?.total;
  const tree = useMemo(() => buildTree(groups.data ?? [], rows), [groups.data, rows]);
  const selectedRows = rows.filter((r) => selected.has(r.ref));
  const summaryByRef = new Map((summary.data?.clauses ?? []).map((c) => [c.ref, c]));

  const clauseOptions = useMemo(() => {
    const all = [...(groups.data ?? [])].map((g) => ({ value: g.ref, label: `${g.ref} ${g.title}` }));
    return all.sort((a, b) => a.value.localeCompare(b.value, undefined, { numeric: true }));
  }, [groups.data]);

  const setSelected = (refs: string[], on: boolean) =>
    setSelectedState((prev) => {
      const next = new Set(prev);
      for (const r of refs) {
        if (on) next.add(r);
        else next.delete(r);
      }
      return next;
    });

  const toggleCollapsed = (ref: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });

  const ctx: TableContext = {
    org: slug,
    members,
    selected,
    errored: bulkProblem?.refs ?? new Set(),
    collapsed,
    toggleCollapsed,
    setSelected,
    canEdit,
    save: (row, body) => void save(row, body),
    pendingRef,
  };

  const overall: RequirementStatusCounts | undefined = summary.data?.overall;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Requirements</Title>
          <Text size="sm" c="dimmed">
            ISO/IEC 20000-1:2018, clauses 4 to 10
            {overall && ` · ${overall.implemented} of ${overall.total} implemented (${percentDone(overall)}%)`}
            {overall && overall.not_occurring > 0 && ` · ${overall.not_occurring} not occurring`}
          </Text>
        </div>
        {overall && <StatusProgress counts={overall} label="Overall progress" />}
      </Group>

      <Filters search={search} members={members} clauses={clauseOptions} />

      {scope !== "all" && (
        <Text size="sm" c="dimmed">
          {scope === "own"
            ? "As a process owner you can change the requirements you own."
            : "Your role can read requirements but not change them."}
        </Text>
      )}

      {selectedRows.length > 0 && scope !== "none" && (
        <BulkEditBar
          org={slug}
          rows={selectedRows}
          members={members}
          onDone={() => {
            setSelectedState(new Set());
            setBulkProblem(null);
          }}
          onClear={() => setSelectedState(new Set())}
          onProblem={(problem, refs) => setBulkProblem(problem ? { problem, refs: new Set(refs) } : null)}
        />
      )}
      {bulkProblem && (
        <ProblemAlert
          problem={bulkProblem.problem}
          title={`Bulk edit refused: ${bulkProblem.problem.title}`}
          onClose={() => setBulkProblem(null)}
        />
      )}

      {rowsQuery.isError && <QueryErrorAlert error={rowsQuery.error} onRetry={() => void rowsQuery.refetch()} />}
      {groups.isError && <QueryErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />}
      {(rowsQuery.isPending || groups.isPending) && <Skeleton h={320} />}

      {rowsQuery.data && groups.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {total === 0
              ? "No requirement matches these filters."
              : `${rows.length === total ? total : `${rows.length} of ${total}`} ${total === 1 ? "requirement" : "requirements"}${hasFilters(search) ? " match" : ""}`}
          </Text>
          <Accordion
            multiple
            variant="separated"
            value={tree.map((n) => n.ref).filter((r) => !closedClauses.includes(r))}
            onChange={(open) => setClosedClauses(tree.map((n) => n.ref).filter((r) => !open.includes(r)))}
          >
            {tree.map((node) => {
              const clause = summaryByRef.get(node.ref);
              return (
                <Accordion.Item key={node.ref} value={node.ref}>
                  <Accordion.Control aria-label={`Clause ${node.ref} ${node.title}`}>
                    <Group justify="space-between" wrap="nowrap" pr="sm">
                      <Text fw={700}>
                        {node.ref} {node.title}
                      </Text>
                      <Group gap="sm" wrap="nowrap">
                        <CountBadges counts={node.counts} />
                        {clause && (
                          <Group gap={6} wrap="nowrap">
                            <StatusProgress counts={clause} label={`Progress of clause ${node.ref}`} />
                            <Text size="xs" c="dimmed" w={36}>
                              {percentDone(clause)}%
                            </Text>
                          </Group>
                        )}
                      </Group>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <ClauseTable node={node} ctx={ctx} />
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </>
      )}

      {rowsQuery.hasNextPage && (
        <Paper>
          <Button variant="default" loading={rowsQuery.isFetchingNextPage} onClick={() => void rowsQuery.fetchNextPage()}>
            Load more
          </Button>
        </Paper>
      )}
    </Stack>
  );
}
