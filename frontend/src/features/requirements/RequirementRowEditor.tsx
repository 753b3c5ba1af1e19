import { Select } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { requirementsUpdateRequirementMutation } from "../../api/gen/@tanstack/react-query.gen";
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
  const mutation = useMutation({
    ...requirementsUpdateRequirementMutation(),
    onSuccess: (data) => patchCachedRows(queryClient, org, [data]),
    onError: (error, { path: { ref } }) => {
      const problem = toApiProblem(error);
      if (problem.status === 412) {
        notifyProblem({ title: "Changed by someone else", detail: `Requirement ${ref} was changed meanwhile; the list was reloaded. Please try again.` });
      } else {
        notifyProblem(problem, `Could not change ${ref}`);
      }
    },
    // Not awaited: the row is free again as soon as the server answered.
    onSettled: () => void invalidateRequirements(queryClient),
  });
  const save = (row: RequirementRead, body: RequirementUpdate) =>
    mutation.mutate({ path: { org, ref: row.ref }, headers: { "if-match": etagFor(row.version) }, body });
  /** The ref of the row being saved, if any. */
  const pendingRef = mutation.isPending ? mutation.variables.path.ref : null;
  return { save, pendingRef };
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
