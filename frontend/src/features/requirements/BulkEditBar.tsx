import { useState } from "react";
import { Button, Group, Paper, Select, Text } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { requirementsBulkUpdateRequirementsMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { ImplementationStatus, RequirementChange, RequirementRead } from "../../api/gen/types.gen";
import { notifySuccess } from "../../lib/notify";
import { toApiProblem, type ApiProblem } from "../../lib/problem";
import { invalidateRequirements } from "../../api/invalidate";
import type { MemberOption } from "../members/api";
import { patchCachedRows } from "./api";
import { isStatus, STATUS_OPTIONS } from "./status";

const NO_OWNER = "__none__";

interface Props {
  org: string;
  /** The selected rows, in clause order. */
  rows: RequirementRead[];
  members: MemberOption[];
  onDone: () => void;
  onClear: () => void;
  /** A refused request (422 row errors, 412 stale rows, 403): shown by the page next to the table. */
  onProblem: (problem: ApiProblem | null, refs: string[]) => void;
}

/** Set status, owner and/or target date of every selected requirement in one all-or-nothing request. */
export function BulkEditBar({ org, rows, members, onDone, onClear, onProblem }: Props) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ImplementationStatus | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [targetDate, setTargetDate] = useState<string | null>(null);
  const nothing = status === null && owner === null && targetDate === null;

  const bulk = useMutation({
    ...requirementsBulkUpdateRequirementsMutation(),
    onMutate: () => onProblem(null, []),
    onSuccess: (data) => {
      patchCachedRows(queryClient, org, data.items);
      notifySuccess(`${data.changed} of ${rows.length} ${rows.length === 1 ? "requirement" : "requirements"} changed.`, "Bulk edit saved");
      setStatus(null);
      setOwner(null);
      setTargetDate(null);
      onDone();
    },
    onError: (error, { body: { changes } }) => {
      const problem = toApiProblem(error);
      // Row errors point at changes[i]: map them back to refs so the rows can be marked.
      const refs = problem.errors
        .map((e) => (e.loc[1] === "changes" && typeof e.loc[2] === "number" ? changes[e.loc[2]]?.ref : undefined))
        .filter((r): r is string => r !== undefined);
      onProblem(problem, refs);
    },
    onSettled: () => void invalidateRequirements(queryClient),
  });

  const apply = () => {
    const changes: RequirementChange[] = rows.map((row) => ({
      ref: row.ref,
      // Optimistic lock per row: a row changed since it was loaded refuses the request (412).
      ...(row.version ? { version: row.version } : {}),
      ...(status ? { status } : {}),
      ...(owner ? { owner_id: owner === NO_OWNER ? null : owner } : {}),
      ...(targetDate ? { target_date: targetDate } : {}),
    }));
    bulk.mutate({ path: { org }, body: { changes } });
  };

  return (
    <Paper withBorder p="sm" radius="md" bg="blue.0" component="section" aria-label="Bulk edit">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Text size="sm" fw={600} mb={6}>
          {rows.length} selected
        </Text>
        <Select
          label="Set status"
          placeholder="Unchanged"
          data={STATUS_OPTIONS}
          value={status}
          clearable
          size="xs"
          w={150}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setStatus(isStatus(v) ? v : null)}
        />
        <Select
          label="Set owner"
          placeholder="Unchanged"
          data={[{ value: NO_OWNER, label: "No owner" }, ...members]}
          value={owner}
          clearable
          searchable
          size="xs"
          w={190}
          comboboxProps={{ withinPortal: true }}
          onChange={setOwner}
        />
        <DateInput
          label="Set target date"
          placeholder="Unchanged"
          value={targetDate}
          valueFormat="D MMM YYYY"
          clearable
          size="xs"
          w={150}
          popoverProps={{ withinPortal: true }}
          onChange={(v) => setTargetDate(v ? String(v).slice(0, 10) : null)}
        />
        <Button size="xs" disabled={nothing} loading={bulk.isPending} onClick={apply}>
          Apply to {rows.length} {rows.length === 1 ? "requirement" : "requirements"}
        </Button>
        <Button size="xs" variant="subtle" onClick={onClear}>
          Clear selection
        </Button>
      </Group>
    </Paper>
  );
}
