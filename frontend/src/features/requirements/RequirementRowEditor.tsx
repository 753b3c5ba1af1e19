import { useState } from "react";
import { Select } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useQueryClient } from "@tanstack/react-query";

import { requirementsUpdateRequirement } from "../../api/gen/sdk.gen";
import type { RequirementRead, RequirementUpdate } from "../../api/gen/types.gen";
import { notifyProblem } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { invalidateRequirements } from "../../api/invalidate";
import type { MemberOption } from "../members/api";
import { patchCachedRows } from "./api";
import { etagFor, isStatus, STATUS_OPTIONS } from "./status";

/** PATCH one requirement with its version as If-Match; a 412 means someone else changed it: reload. */
export function useSaveRequirement(org: string) {
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState<string | null>(null);
  const save = async (row: RequirementRead, body: RequirementUpdate): Promise<boolean> => {
    setSaving(row.ref);
    try {
      const { data } = await requirementsUpdateRequirement({
        path: { org, ref: row.ref },
        headers: { "if-match": etagFor(row.version) },
        body,
      });
      patchCachedRows(queryClient, org, [data]);
      return true;
    } catch (error) {
      const problem = toApiProblem(error);
      if (problem.status === 412) {
        notifyProblem(
          { title: "Changed by someone else", detail: `Requirement ${row.ref} was changed meanwhile; the list was reloaded. Please try again.` },
        );
      } else {
        notifyProblem(problem, `Could not change ${row.ref}`);
      }
      return false;
    } finally {
      setSaving(null);
      void invalidateRequirements(queryClient);
    }
  };
  return { save, saving };
}

interface CellProps {
  row: RequirementRead;
  disabled: boolean;
  onSave: (body: RequirementUpdate) => void;
}

export function StatusCell({ row, disabled, onSave }: CellProps) {
  return (
    <Select
      aria-label={`Status of ${row.ref}`}
      data={STATUS_OPTIONS}
      value={row.status}
      allowDeselect={false}
      disabled={disabled}
      size="xs"
      w={140}
      comboboxProps={{ withinPortal: true }}
      onChange={(value) => {
        if (isStatus(value) && value !== row.status) onSave({ status: value });
      }}
    />
  );
}

export function OwnerCell({ row, disabled, onSave, members }: CellProps & { members: MemberOption[] }) {
  // Keep the current owner selectable even before the member list has loaded.
  const data =
    row.owner && !members.some((m) => m.value === row.owner?.id)
      ? [...members, { value: row.owner.id, label: row.owner.name }]
      : members;
  return (
    <Select
      aria-label={`Owner of ${row.ref}`}
      placeholder="No owner"
      data={data}
      value={row.owner_id}
      clearable
      searchable
      disabled={disabled}
      size="xs"
      w={170}
      comboboxProps={{ withinPortal: true }}
      onChange={(value) => {
        if (value !== row.owner_id) onSave({ owner_id: value });
      }}
    />
  );
}

export function TargetDateCell({ row, disabled, onSave }: CellProps) {
  return (
    <DateInput
      aria-label={`Target date of ${row.ref}`}
      placeholder="None"
      value={row.target_date}
      valueFormat="D MMM YYYY"
      clearable
      disabled={disabled}
      size="xs"
      w={140}
      popoverProps={{ withinPortal: true }}
      onChange={(value) => {
        const next = value ? String(value).slice(0, 10) : null;
        if (next !== row.target_date) onSave({ target_date: next });
      }}
    />
  );
}
