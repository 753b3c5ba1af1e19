import { useEffect } from "react";
import { Alert, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import { auditsCreateAuditMutation, auditsUpdateAuditMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { AuditDetailRead, AuditType } from "../../api/gen/types.gen";
import { handleFormError } from "../../lib/forms";
import { useClauseTree } from "../requirements/catalogue";
import { useAuditorOptions, useProgrammes } from "./api";
import { AUDIT_TYPE_OPTIONS, CERTIFICATION_BODY_TYPES, isAuditType } from "./labels";
import { ScopePicker } from "./ScopePicker";
import { scopeFromSelection, selectionFromScope } from "./scope";

interface Props {
  org: string;
  opened: boolean;
  onClose: () => void;
  onSaved: (audit: AuditDetailRead) => void;
  /** Edit this audit (with the ETag of the read); create a new one when absent. */
  audit?: { audit: AuditDetailRead; etag: string | null };
  /** Preselected programme for a new audit. */
  programmeId?: string;
}

interface Values {
  type: AuditType;
  title: string;
  programme_id: string | null;
  scope: string[];
  criteria: string;
  planned_start_date: string | null;
  planned_end_date: string | null;
  lead_auditor_id: string | null;
  team_member_ids: string[];
  external_auditors: string[];
}

const DEFAULT_CRITERIA = "ISO/IEC 20000-1:2018 and the organisation's own SMS requirements";

function dateValue(value: unknown): string | null {
  return value ? String(value).slice(0, 10) : null;
}

/** Plan an audit (type, programme, scope by clause, criteria, dates, team) or change its plan. */
export function AuditFormModal({ org, opened, onClose, onSaved, audit, programmeId }: Props) {
  const editing = audit?.audit;
  const tree = useClauseTree();
  const programmes = useProgrammes(org);

  const initial = (): Values => ({
    type: editing?.type ?? "internal",
    title: editing?.title ?? "",
    programme_id: editing?.programme_id ?? programmeId ?? null,
    scope: [],
    criteria: editing?.criteria ?? DEFAULT_CRITERIA,
    planned_start_date: editing?.planned_start_date ?? null,
    planned_end_date: editing?.planned_end_date ?? null,
    lead_auditor_id: editing?.lead_auditor_id ?? null,
    team_member_ids: editing?.team_member_ids ?? [],
    external_auditors: editing?.external_auditors ?? [],
  });

  const form = useForm<Values>({
    mode: "controlled",
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : "Give the audit a title"),
      programme_id: (v, values) => (values.type === "internal" && !v ? "An internal audit belongs to an audit programme" : null),
      scope: (v) => (v.length > 0 ? null : "Pick at least one clause"),
      planned_end_date: (v, values) =>
        v && values.planned_start_date && v < values.planned_start_date ? "The end is before the start" : null,
    },
  });

  // Fill the form when the modal opens. The clause tree may arrive later: it then only
  // expands an edited audit's stored scope, and never wipes what was typed meanwhile.
  const roots = tree.data;
  useEffect(() => {
    if (!opened) return;
    const values = initial();
    if (editing && roots) values.scope = [...selectionFromScope(roots, editing.scope)];
    form.setValues(values);
    form.resetDirty(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when (re)opened or another audit is edited
  }, [opened, editing?.id, editing?.version]);
  useEffect(() => {
    if (!opened || !editing || !roots) return;
    form.setFieldValue("scope", [...selectionFromScope(roots, editing.scope)]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when the tree arrives
  }, [roots]);

  const type = form.getValues().type;
  const certificationBody = CERTIFICATION_BODY_TYPES.has(type);
  const memberOptions = useAuditorOptions(org, certificationBody);
  const programmeOptions = (programmes.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.title}${p.period_label ? ` (${p.period_label})` : ""}${p.approved ? "" : " — not approved"}`,
  }));
  const scopeLocked = editing !== undefined && editing.status !== "planned";

  const close = () => {
    form.reset();
    onClose();
  };

  const settle = {
    onSuccess: (data: AuditDetailRead) => {
      onSaved(data);
      form.reset();
    },
    onError: (error: unknown) => handleFormError(form, error, { title: editing ? "Could not save the audit" : "Could not plan the audit" }),
  };
  const create = useMutation({ ...auditsCreateAuditMutation(), ...settle });
  const update = useMutation({ ...auditsUpdateAuditMutation(), ...settle });

  const submit = form.onSubmit((values) => {
    const scope = scopeFromSelection(roots ?? [], new Set(values.scope));
    const common = {
      title: values.title.trim(),
      programme_id: values.programme_id,
      criteria: values.criteria.trim(),
      planned_start_date: dateValue(values.planned_start_date),
      planned_end_date: dateValue(values.planned_end_date),
      lead_auditor_id: values.lead_auditor_id,
      team_member_ids: values.team_member_ids.filter((id) => id !== values.lead_auditor_id),
      external_auditors: certificationBody ? values.external_auditors : [],
    };
    if (editing) {
      update.mutate({ path: { org, audit_id: editing.id }, headers: { "If-Match": audit?.etag ?? "" }, body: { ...common, ...(scopeLocked ? {} : { scope }) } });
    } else {
      create.mutate({ path: { org }, body: { ...common, type: values.type, scope } });
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={editing ? `Edit ${editing.key}` : "Plan audit"} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              required
              data={AUDIT_TYPE_OPTIONS}
              allowDeselect={false}
              disabled={editing !== undefined}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("type")}
              onChange={(v) => isAuditType(v) && form.setFieldValue("type", v)}
            />
            <Select
              label="Audit programme"
              required={type === "internal"}
              placeholder={programmes.data?.length === 0 ? "No programme yet" : "Choose a programme"}
              data={programmeOptions}
              clearable={type !== "internal"}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("programme_id")}
            />
          </SimpleGrid>
          <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
          {scopeLocked ? (
            <Alert color="gray" title="Scope">
              {editing?.scope.join(", ")} — the scope is fixed once the audit has started (the checklist was built from it).
            </Alert>
          ) : (
            <ScopePicker
              value={new Set(form.getValues().scope)}
              onChange={(next) => form.setFieldValue("scope", [...next])}
              error={form.errors.scope}
            />
          )}
          <Textarea label="Criteria" autosize minRows={2} maxRows={6} {...form.getInputProps("criteria")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput
              label="Planned start"
              valueFormat="D MMM YYYY"
              clearable
              popoverProps={{ withinPortal: true }}
              {...form.getInputProps("planned_start_date")}
            />
            <DateInput
              label="Planned end"
              valueFormat="D MMM YYYY"
              clearable
              popoverProps={{ withinPortal: true }}
              {...form.getInputProps("planned_end_date")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Lead auditor"
              description="Needed before the audit starts"
              placeholder="Choose an auditor"
              data={memberOptions}
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("lead_auditor_id")}
            />
            <MultiSelect
              label="Audit team"
              description="Auditors do not audit requirements they own"
              data={memberOptions.filter((o) => o.value !== form.getValues().lead_auditor_id)}
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("team_member_ids")}
            />
          </SimpleGrid>
          {certificationBody && (
            <TagsInput
              label="External auditors"
              description="Names of the certification body's auditors (press Enter after each)"
              {...form.getInputProps("external_auditors")}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {editing ? "Save" : "Plan audit"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
