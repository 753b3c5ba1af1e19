import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";

import { correctiveMeasuresCreateCorrectiveMeasureMutation, findingsListFindingsOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { CorrectiveMeasureRead } from "../../api/gen/types.gen";
import { handleFormError } from "../../lib/forms";
import { useMemberOptions } from "../members/api";
import { GRADE_LABELS } from "../findings/labels";
import { toIsoDate } from "./labels";

/** Open a corrective measure, usually on one or more nonconformities. */
export function CreateMeasureModal({
  org,
  findingId,
  onClose,
  onCreated,
}: {
  org: string;
  findingId?: string;
  onClose: () => void;
  onCreated: (measure: CorrectiveMeasureRead) => void;
}) {
  const findings = useQuery({
    ...findingsListFindingsOptions({ path: { org }, query: { limit: 500 } }),
    select: (page) => page.items.filter((f) => f.status !== "closed"),
  });
  const owners = useMemberOptions(org, "measures:write");
  const prefill = findings.data?.find((f) => f.id === findingId);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      title: "",
      description: "",
      finding_ids: findingId ? [findingId] : ([] as string[]),
      owner_id: null as string | null,
      due_date: null as string | null,
    },
    validate: { title: (v) => (v.trim() ? null : "Give the measure a title") },
  });
  const create = useMutation({
    ...correctiveMeasuresCreateCorrectiveMeasureMutation(),
    onSuccess: (data) => onCreated(data),
    onError: (error) => handleFormError(form, error, { title: "Could not open the corrective measure" }),
  });
  const submit = form.onSubmit((values) =>
    create.mutate({
      path: { org },
      body: {
        title: values.title.trim(),
        description: values.description.trim(),
        finding_ids: values.finding_ids,
        owner_id: values.owner_id,
        due_date: toIsoDate(values.due_date),
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title="New corrective measure" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Title"
            required
            data-autofocus
            placeholder={prefill ? `Correct ${prefill.key}` : "What will be corrected"}
            {...form.getInputProps("title")}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <MultiSelect
            label="Findings"
            description="The nonconformities this measure deals with"
            searchable
            data={(findings.data ?? []).map((f) => ({ value: f.id, label: `${f.key} (${GRADE_LABELS[f.grade]}) ${f.statement.slice(0, 80)}` }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("finding_ids")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Owner"
              searchable
              clearable
              data={owners}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("owner_id")}
            />
            <DateInput label="Due date" valueFormat="D MMM YYYY" clearable popoverProps={{ withinPortal: true }} {...form.getInputProps("due_date")} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Open measure
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
