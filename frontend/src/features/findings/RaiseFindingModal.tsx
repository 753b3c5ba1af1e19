import { useEffect } from "react";
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import { findingsCreateFindingMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { ChecklistLineRead, FindingGrade, FindingRead } from "../../api/gen/types.gen";
import { ProblemAlert } from "../../components/ProblemAlert";
import { OccurredDateInput, todayIso } from "../../components/OccurredDate";
import { handleFormError } from "../../lib/forms";
import { toApiProblem } from "../../lib/problem";
import { GRADE_OPTIONS, gradeForResult, isGrade } from "./labels";

interface Props {
  org: string;
  audit: { id: string; key: string; title: string; actual_start_date?: string | null };
  /** The checklist line the finding is raised from (requirement and audit are prefilled). */
  line: ChecklistLineRead | null;
  onClose: () => void;
  onRaised: (finding: FindingRead) => void;
}

interface Values {
  grade: FindingGrade;
  statement: string;
  due_date: string | null;
  raised_on: string | null;
}

/** "Raise finding" from a checklist line: grade and statement; the line links the finding. */
export function RaiseFindingModal({ org, audit, line, onClose, onRaised }: Props) {
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { grade: "minor_nc", statement: "", due_date: null, raised_on: todayIso() },
    validate: {
      statement: (v) => (v.trim() ? null : "Describe what was found and against which requirement"),
    },
  });

  const raise = useMutation({
    ...findingsCreateFindingMutation(),
    onSuccess: (data) => {
      form.reset();
      onRaised(data);
    },
    onError: (error) => {
      const problem = toApiProblem(error);
      // A refusal of the raise itself (audit not in progress, role) is shown in the dialog.
      if (problem.status !== 409 && problem.status !== 403) handleFormError(form, problem, { title: "Could not raise the finding" });
    },
  });
  const failed = raise.error ? toApiProblem(raise.error) : null;
  const conflict = failed && (failed.status === 409 || failed.status === 403) ? failed : null;

  useEffect(() => {
    if (!line) return;
    raise.reset();
    form.setValues({
      grade: gradeForResult(line.result),
      statement: line.notes,
      due_date: null,
      raised_on: line.assessed_on ?? todayIso(),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill per line
  }, [line?.id]);

  const submit = form.onSubmit((values) => {
    if (!line) return;
    raise.mutate({
      path: { org },
      body: {
        grade: values.grade,
        statement: values.statement.trim(),
        audit_id: audit.id,
        checklist_line_id: line.id,
        due_date: values.due_date ? String(values.due_date).slice(0, 10) : null,
        raised_on: values.raised_on ?? todayIso(),
      },
    });
  });

  return (
    <Modal opened={line !== null} onClose={onClose} title="Raise finding" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {conflict && <ProblemAlert problem={conflict} onClose={raise.reset} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Requirement" readOnly value={line ? `${line.ref} ${line.title}` : ""} />
            <TextInput label="Audit" readOnly value={`${audit.key} ${audit.title}`} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Grade"
              required
              data={GRADE_OPTIONS}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("grade")}
              onChange={(v) => isGrade(v) && form.setFieldValue("grade", v)}
            />
            <DateInput label="Due date" valueFormat="D MMM YYYY" clearable popoverProps={{ withinPortal: true }} {...form.getInputProps("due_date")} />
          </SimpleGrid>
          <OccurredDateInput
            label="Raised on"
            value={form.values.raised_on}
            onChange={(v) => form.setFieldValue("raised_on", v)}
            minDate={audit.actual_start_date}
            error={form.errors.raised_on}
            w={200}
          />
          <Textarea label="Statement" required autosize minRows={3} maxRows={10} data-autofocus {...form.getInputProps("statement")} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={raise.isPending}>
              Raise finding
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
