import { useEffect } from "react";
import { Button, Group, Modal, Stack, TagsInput, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import { auditsUpdateAuditMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { AuditDetailRead } from "../../api/gen/types.gen";
import { handleFormError } from "../../lib/forms";

interface Props {
  org: string;
  audit: AuditDetailRead | null;
  etag: string | null;
  /** Also move the audit to reporting after saving (the caller does the transition). */
  moveToReporting: boolean;
  onClose: () => void;
  onSaved: (audit: AuditDetailRead) => Promise<void> | void;
}

/** The report's conclusions and distribution list (needed before an audit closes). */
export function ReportFormModal({ org, audit, etag, moveToReporting, onClose, onSaved }: Props) {
  const form = useForm({
    mode: "controlled",
    initialValues: { report_summary: "", distribution: [] as string[] },
  });

  useEffect(() => {
    if (!audit) return;
    form.setValues({ report_summary: audit.report_summary, distribution: audit.distribution });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill when opened
  }, [audit?.id, audit?.version]);

  const save = useMutation({
    ...auditsUpdateAuditMutation(),
    onSuccess: (data) => onSaved(data),
    onError: (error) => handleFormError(form, error, { title: "Could not save the report" }),
  });
  const submit = form.onSubmit((values) => {
    if (!audit) return;
    save.mutate({
      path: { org, audit_id: audit.id },
      headers: { "If-Match": etag ?? "" },
      body: { report_summary: values.report_summary.trim(), distribution: values.distribution },
    });
  });

  return (
    <Modal opened={audit !== null} onClose={onClose} title={moveToReporting ? "Move to reporting" : "Audit report"} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Results are reported to relevant management (ISO/IEC 20000-1 9.2). The audit closes once the summary and the
            distribution list are filled in.
          </Text>
          <Textarea
            label="Report summary (conclusions)"
            autosize
            minRows={4}
            maxRows={12}
            data-autofocus
            {...form.getInputProps("report_summary")}
          />
          <TagsInput
            label="Distribution"
            description="Who receives the report (press Enter after each name)"
            placeholder="e.g. Top management"
            {...form.getInputProps("distribution")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {moveToReporting ? "Save and move to reporting" : "Save report"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
