import { useEffect } from "react";
import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import {
  auditProgrammesCreateAuditProgrammeMutation,
  auditProgrammesUpdateAuditProgrammeMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { AuditProgrammeRead } from "../../api/gen/types.gen";
import { handleFormError } from "../../lib/forms";
import { ifMatchFor } from "./api";

interface Props {
  org: string;
  opened: boolean;
  onClose: () => void;
  onSaved: (programme: AuditProgrammeRead) => void;
  programme?: AuditProgrammeRead;
}

interface Values {
  title: string;
  period_label: string;
  period_start: string | null;
  period_end: string | null;
  objectives: string;
  method: string;
  risk_basis: string;
}

function fromProgramme(p?: AuditProgrammeRead): Values {
  return {
    title: p?.title ?? "",
    period_label: p?.period_label ?? "",
    period_start: p?.period_start ?? null,
    period_end: p?.period_end ?? null,
    objectives: p?.objectives ?? "",
    method: p?.method ?? "",
    risk_basis: p?.risk_basis ?? "",
  };
}

const day = (v: string | null) => (v ? String(v).slice(0, 10) : null);

/** Create or change an audit programme (changing period, objectives or method withdraws approval). */
export function ProgrammeFormModal({ org, opened, onClose, onSaved, programme }: Props) {
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: fromProgramme(programme),
    validate: {
      title: (v) => (v.trim() ? null : "Give the programme a title"),
      period_label: (v, values) =>
        v.trim() || (values.period_start && values.period_end) ? null : "Give a period label or both period dates",
      period_end: (v, values) => (v && values.period_start && v < values.period_start ? "The end is before the start" : null),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(fromProgramme(programme));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill when (re)opened
  }, [opened, programme?.id, programme?.version]);

  const settle = {
    onSuccess: (data: AuditProgrammeRead) => onSaved(data),
    onError: (error: unknown) => handleFormError(form, error, { title: "Could not save the programme" }),
  };
  const create = useMutation({ ...auditProgrammesCreateAuditProgrammeMutation(), ...settle });
  const update = useMutation({ ...auditProgrammesUpdateAuditProgrammeMutation(), ...settle });

  const submit = form.onSubmit((values) => {
    const body = {
      ...values,
      title: values.title.trim(),
      period_label: values.period_label.trim(),
      period_start: day(values.period_start),
      period_end: day(values.period_end),
    };
    if (programme) update.mutate({ path: { org, programme_id: programme.id }, headers: { "If-Match": ifMatchFor(programme.version) }, body });
    else create.mutate({ path: { org }, body });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={programme ? "Edit audit programme" : "New audit programme"} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Period" placeholder="2026" {...form.getInputProps("period_label")} />
            <DateInput label="From" valueFormat="D MMM YYYY" clearable popoverProps={{ withinPortal: true }} {...form.getInputProps("period_start")} />
            <DateInput label="To" valueFormat="D MMM YYYY" clearable popoverProps={{ withinPortal: true }} {...form.getInputProps("period_end")} />
          </SimpleGrid>
          <Textarea label="Objectives" autosize minRows={2} maxRows={6} {...form.getInputProps("objectives")} />
          <Textarea
            label="Method"
            description="Frequency, methods, responsibilities, planning and reporting (needed for approval)"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps("method")}
          />
          <Textarea
            label="Risk basis"
            description="Importance of the processes, risks and results of earlier audits"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("risk_basis")}
          />
          {programme?.approved && (
            <Text size="sm" c="orange">
              Changing the period, objectives or method withdraws the approval.
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {programme ? "Save" : "Create programme"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
