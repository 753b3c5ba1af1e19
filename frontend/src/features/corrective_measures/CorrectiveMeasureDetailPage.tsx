import { useState } from "react";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconLock } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import {
  correctiveMeasuresAddCorrectiveActionMutation,
  correctiveMeasuresRecordEffectivenessReviewMutation,
  correctiveMeasuresTransitionCorrectiveMeasureMutation,
  correctiveMeasuresUpdateCorrectiveActionMutation,
  correctiveMeasuresUpdateCorrectiveMeasureMutation,
  findingsListFindingsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type {
  CorrectiveActionRead,
  CorrectiveMeasureRead,
  CorrectiveMeasureUpdate,
  EffectivenessResult,
  MeasureStatus,
  RootCauseMethod,
} from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate, formatDateTime } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { type ApiProblem } from "../../lib/problem";
import { useWorkflowMove } from "../../lib/workflow";
import { OccurredDateModal } from "../../components/OccurredDate";
import { useMe } from "../auth/useSession";
import { invalidateMeasures } from "../../api/invalidate";
import { memberNames, memberOptions, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { useEvidenceOptions } from "../evidence/shared";
import { measureWithEtagOptions } from "./api";
import { EFFECTIVENESS_LABELS, MEASURE_STATUS_LABELS, planGaps, ROOT_CAUSE_METHOD_LABELS, STEPS, toIsoDate, transitionLabel } from "./labels";
import { MeasureStatusBadge } from "./MeasureStatusBadge";
import { activeStep, addDaysIso, isEditable, stepsFilled, todayIso } from "./steps";

const METHOD_OPTIONS = (Object.keys(ROOT_CAUSE_METHOD_LABELS) as RootCauseMethod[]).map((value) => ({ value, label: ROOT_CAUSE_METHOD_LABELS[value] }));

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </div>
  );
}

/** A refused move (409): the server's reason (guard) and the states that are allowed. */
function MeasureBlocked({ problem, onClose }: { problem: ApiProblem; onClose: () => void }) {
  const requested = typeof problem.extensions.requested === "string" ? problem.extensions.requested : undefined;
  const label = requested && requested in MEASURE_STATUS_LABELS ? MEASURE_STATUS_LABELS[requested as MeasureStatus] : undefined;
  return (
    <Alert color="orange" role="alert" icon={<IconLock size={18} aria-hidden />} title={label ? `Cannot move to ${label}` : problem.title} withCloseButton onClose={onClose}>
      <Text size="sm">{problem.detail ?? problem.title}</Text>
    </Alert>
  );
}

interface StepProps {
  org: string;
  measure: CorrectiveMeasureRead;
  etag: string | null;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}

/** PATCH the measure with `If-Match` (a 412 means someone else changed it), then reload it. */
function usePatch({ org, measure, etag, onChanged }: Omit<StepProps, "canWrite">, success: string, onError: (error: unknown) => void) {
  const mutation = useMutation({
    ...correctiveMeasuresUpdateCorrectiveMeasureMutation(),
    onSuccess: async () => {
      notifySuccess(success);
      await onChanged();
    },
    onError,
  });
  return {
    patch: (body: CorrectiveMeasureUpdate) => mutation.mutate({ path: { org, measure_id: measure.id }, headers: { "If-Match": etag ?? "" }, body }),
    isPending: mutation.isPending,
  };
}

function CorrectionStep(props: StepProps) {
  const { measure, canWrite } = props;
  const members = useMembers(props.org);
  const me = useMe();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      correction: measure.correction,
      correction_date: (measure.correction_date ?? todayIso()) as string | null,
      correction_by_id: measure.correction_by_id ?? me?.id ?? null,
    },
  });
  const editable = canWrite && isEditable(measure.status);
  const { patch, isPending } = usePatch(props, "Correction saved.", (error) => handleFormError(form, error, { title: "Could not save the correction" }));
  const submit = form.onSubmit((v) =>
    patch({ correction: v.correction.trim(), correction_date: toIsoDate(v.correction_date), correction_by_id: v.correction_by_id }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Step 1: correction">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          React to the nonconformity: contain it and correct the instance, deal with the consequences.
        </Text>
        <Textarea label="Correction" description="What was done to fix this instance" autosize minRows={3} disabled={!editable} {...form.getInputProps("correction")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput label="Correction date" valueFormat="D MMM YYYY" clearable disabled={!editable} popoverProps={{ withinPortal: true }} {...form.getInputProps("correction_date")} />
          <Select
            label="Corrected by"
            searchable
            clearable
            disabled={!editable}
            data={memberOptions(members.data)}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("correction_by_id")}
          />
        </SimpleGrid>
        {editable && (
          <Group>
            <Button type="submit" loading={isPending}>
              Save correction
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function RootCauseStep(props: StepProps) {
  const { measure, canWrite } = props;
  const form = useForm({
    mode: "controlled",
    initialValues: {
      root_cause_method: measure.root_cause_method as string | null,
      root_cause: measure.root_cause,
      extent: measure.extent,
    },
  });
  const editable = canWrite && isEditable(measure.status);
  const { patch, isPending } = usePatch(props, "Root cause saved.", (error) => handleFormError(form, error, { title: "Could not save the root cause" }));
  const submit = form.onSubmit((v) =>
    patch({ root_cause_method: (v.root_cause_method as RootCauseMethod | null) ?? null, root_cause: v.root_cause.trim(), extent: v.extent.trim() }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Step 2: root cause">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Determine why it happened and whether similar nonconformities exist or could occur elsewhere.
        </Text>
        <Select
          label="Root-cause method"
          data={METHOD_OPTIONS}
          clearable
          disabled={!editable}
          comboboxProps={{ withinPortal: true }}
          w={260}
          {...form.getInputProps("root_cause_method")}
        />
        <Textarea label="Root cause" description="The result of the analysis" autosize minRows={3} disabled={!editable} {...form.getInputProps("root_cause")} />
        <Textarea label="Extent" description="Could it occur elsewhere? Where else was checked?" autosize minRows={2} disabled={!editable} {...form.getInputProps("extent")} />
        {editable && (
          <Group>
            <Button type="submit" loading={isPending}>
              Save root cause
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function ActionsTable({ org, measure, canWrite, onChanged, withEvidence }: StepProps & { withEvidence: boolean }) {
  const names = memberNames(useMembers(org).data);
  const evidence = useEvidenceOptions(org);
  const editable = canWrite && measure.actions_editable;
  const mutation = useMutation({
    ...correctiveMeasuresUpdateCorrectiveActionMutation(),
    onError: (error) => notifyProblem(error, "Could not change the action"),
    onSettled: () => onChanged(),
  });
  const changing = mutation.isPending ? mutation.variables.path.action_id : null;
  const update = (action: CorrectiveActionRead, body: { done?: boolean; evidence_id?: string | null }) =>
    mutation.mutate({ path: { org, measure_id: measure.id, action_id: action.id }, body });
  if (measure.actions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No actions planned yet.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label="Actions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Done</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            {withEvidence && <Table.Th>Completion evidence</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measure.actions.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Checkbox
                  aria-label={`Done: ${a.description}`}
                  checked={a.done}
                  disabled={!editable || changing === a.id}
                  onChange={(e) => update(a, { done: e.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.description}</Text>
                {a.done_at && (
                  <Text size="xs" c="dimmed">
                    done {formatDateTime(a.done_at)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={a.owner_id ? undefined : "red"}>
                  {a.owner_id ? (names.get(a.owner_id) ?? "former member") : "no owner"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={a.due_date ? undefined : "red"}>
                  {a.due_date ? formatDate(a.due_date) : "no due date"}
                </Text>
              </Table.Td>
              {withEvidence && (
                <Table.Td>
                  <Select
                    aria-label={`Completion evidence: ${a.description}`}
                    size="xs"
                    searchable
                    clearable
                    placeholder="None"
                    disabled={!editable || changing === a.id}
                    data={evidence.data ?? []}
                    value={a.evidence_id}
                    onChange={(v) => update(a, { evidence_id: v })}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlanStep(props: StepProps) {
  const { org, measure, canWrite, onChanged } = props;
  const owners = useMemberOptions(org, "measures:write");
  const form = useForm({
    mode: "controlled",
    initialValues: {
      description: "",
      owner_id: measure.owner_id as string | null,
      due_date: (measure.due_date ?? addDaysIso(todayIso(), 30)) as string | null,
    },
    validate: { description: (v) => (v.trim() ? null : "Describe the action") },
  });
  const editable = canWrite && measure.actions_editable;
  const gaps = planGaps(measure.actions);
  const add = useMutation({
    ...correctiveMeasuresAddCorrectiveActionMutation(),
    onSuccess: async () => {
      form.setFieldValue("description", "");
      notifySuccess("Action added.");
      await onChanged();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the action" }),
  });
  const submit = form.onSubmit((v) =>
    add.mutate({
      path: { org, measure_id: measure.id },
      body: { description: v.description.trim(), owner_id: v.owner_id, due_date: toIsoDate(v.due_date) },
    }),
  );
  return (
    <Stack gap="sm" aria-label="Step 3: action plan" role="group">
      <Text size="sm" c="dimmed">
        Plan the actions that remove the cause, each with an owner and a due date, in proportion to the effects.
      </Text>
      <ActionsTable {...props} withEvidence={false} />
      {gaps.missingOwnerOrDue > 0 && (
        <Text size="sm" c="orange">
          {gaps.missingOwnerOrDue} action(s) need an owner and a due date before the measure is planned.
        </Text>
      )}
      {editable && (
        <form onSubmit={submit} noValidate aria-label="Add an action">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label="Action" placeholder="What will be done" style={{ flex: 1, minWidth: 240 }} {...form.getInputProps("description")} />
            <Select
              label="Action owner"
              searchable
              clearable
              w={200}
              data={owners}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("owner_id")}
            />
            <DateInput label="Action due date" valueFormat="D MMM YYYY" w={160} popoverProps={{ withinPortal: true }} {...form.getInputProps("due_date")} />
            <Button type="submit" loading={add.isPending}>
              Add action
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function ImplementationStep(props: StepProps) {
  const { measure, canWrite } = props;
  const evidence = useEvidenceOptions(props.org);
  const [changes, setChanges] = useState<string[]>(measure.sms_change_evidence_ids);
  const { patch, isPending } = usePatch(props, "SMS changes saved.", (error) => notifyProblem(error, "Could not save the SMS changes"));
  const gaps = planGaps(measure.actions);
  const editable = canWrite && isEditable(measure.status);
  return (
    <Stack gap="sm" aria-label="Step 4: implementation" role="group">
      <Text size="sm" c="dimmed">
        Carry out the actions and tick them off with their completion evidence; record what changed in the SMS (documents, processes, risks,
        training).
      </Text>
      <ActionsTable {...props} withEvidence />
      {measure.actions.length > 0 && (
        <Text size="sm" c={gaps.notDone > 0 ? "orange" : "teal"}>
          {gaps.notDone > 0 ? `${gaps.notDone} action(s) not done yet.` : "Every action is done."}
        </Text>
      )}
      {!measure.actions_editable && isEditable(measure.status) && (
        <Text size="xs" c="dimmed">
          Actions are frozen once the measure is implemented.
        </Text>
      )}
      <Group align="flex-end" gap="sm">
        <MultiSelect
          label="SMS changes (evidence)"
          description="Changed documents, processes, risks or training"
          searchable
          clearable
          disabled={!editable}
          data={evidence.data ?? []}
          value={changes}
          onChange={setChanges}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: 1 }}
        />
        {editable && (
          <Button variant="default" loading={isPending} onClick={() => patch({ sms_change_evidence_ids: changes })}>
            Save SMS changes
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function EffectivenessStep(props: StepProps) {
  const { org, measure, canWrite, onChanged } = props;
  const names = memberNames(useMembers(org).data);
  const evidence = useEvidenceOptions(org);
  const me = useMe();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      method: "",
      result: "effective" as EffectivenessResult,
      review_date: todayIso() as string | null,
      evidence_id: null as string | null,
      note: "",
    },
    validate: {
      method: (v) => (v.trim() ? null : "How was effectiveness checked?"),
      review_date: (v) => (v ? null : "Give the review date"),
    },
  });
  const review = measure.effectiveness_review;
  const isOwner = me !== undefined && measure.owner_id === me.id;
  const evidenceLabel = (id: string | null) => (id ? (evidence.data?.find((e) => e.value === id)?.label ?? "an evidence item") : "—");
  const record = useMutation({
    ...correctiveMeasuresRecordEffectivenessReviewMutation(),
    onSuccess: async (data) => {
      notifySuccess(data.status === "analysed" ? `Not effective: ${data.key} is back in analysis.` : "Effectiveness review recorded.");
      await onChanged();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not record the review" }),
  });
  const submit = form.onSubmit((v) =>
    record.mutate({
      path: { org, measure_id: measure.id },
      body: { method: v.method.trim(), result: v.result, review_date: toIsoDate(v.review_date) ?? todayIso(), evidence_id: v.evidence_id, note: v.note.trim() },
    }),
  );
  return (
    <Stack gap="sm" aria-label="Step 5: effectiveness review" role="group">
      <Text size="sm" c="dimmed">
        Check later that the action worked (the nonconformity did not recur). Someone other than the owner reviews; not effective sends the
        measure back to analysis.
      </Text>
      {review && (
        <Card withBorder padding="sm" aria-label="Effectiveness review">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Field label="Result">
              <Badge color={review.result === "effective" ? "teal" : "red"}>{EFFECTIVENESS_LABELS[review.result]}</Badge>
            </Field>
            <Field label="Reviewer">{review.reviewer_id ? (names.get(review.reviewer_id) ?? "former member") : "—"}</Field>
            <Field label="Review date">{formatDate(review.review_date)}</Field>
            <Field label="Evidence">{evidenceLabel(review.evidence_id)}</Field>
          </SimpleGrid>
          <Stack gap="xs" mt="sm">
            <Field label="Method">{review.method}</Field>
            {review.note && <Field label="Note">{review.note}</Field>}
          </Stack>
        </Card>
      )}
      {measure.status === "effectiveness_review" && canWrite && (
        <form onSubmit={submit} noValidate aria-label="Record the effectiveness review">
          <Stack gap="sm">
            {isOwner && (
              <Alert color="yellow" title="You own this measure">
                The effectiveness review must be recorded by someone other than the owner before the measure can close.
              </Alert>
            )}
            <TextInput label="Review method" required placeholder="e.g. sampled 20 changes a month later" {...form.getInputProps("method")} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Result
                </Text>
                <SegmentedControl
                  aria-label="Result"
                  data={[
                    { value: "effective", label: "Effective" },
                    { value: "not_effective", label: "Not effective" },
                  ]}
                  value={form.getValues().result}
                  onChange={(v) => form.setFieldValue("result", v === "not_effective" ? "not_effective" : "effective")}
                />
              </div>
              <DateInput label="Review date" required valueFormat="D MMM YYYY" maxDate={todayIso()} popoverProps={{ withinPortal: true }} {...form.getInputProps("review_date")} />
              <Select
                label="Evidence"
                description="Needed to close the measure"
                searchable
                clearable
                data={evidence.data ?? []}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps("evidence_id")}
              />
            </SimpleGrid>
            <Textarea label="Review note" autosize minRows={2} {...form.getInputProps("note")} />
            <Group>
              <Button type="submit" loading={record.isPending}>
                Record review
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {!review && measure.status !== "effectiveness_review" && (
        <Text size="sm" c="dimmed">
          The review is recorded once the measure is implemented and moved to effectiveness review.
        </Text>
      )}
    </Stack>
  );
}

/** One corrective measure: the five steps of 10.1 as a guided form, with its lifecycle. */
export function CorrectiveMeasureDetailPage() {
  const { measureId } = useParams({ from: "/_authed/orgs/$org/corrective-measures/$measureId" });
  const { slug } = useCurrentOrg();
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useQuery(measureWithEtagOptions(slug, measureId));
  const names = memberNames(useMembers(slug).data);
  const findings = useQuery({
    ...findingsListFindingsOptions({ path: { org: slug }, query: { limit: 500 } }),
    select: (page) => new Map(page.items.map((f) => [f.id, f])),
  });
  const [picked, setPicked] = useState<{ status: MeasureStatus; step: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [closingDated, setClosingDated] = useState(false);
  const [reason, setReason] = useState("");
  const canWrite = can("measures:write");

  const refresh = () => invalidateMeasures(queryClient);

  const { moving, problem, clearProblem, move } = useWorkflowMove(
    "measure",
    (s: MeasureStatus) => MEASURE_STATUS_LABELS[s].toLowerCase(),
    correctiveMeasuresTransitionCorrectiveMeasureMutation(),
    refresh,
  );
  const transition = (measure: CorrectiveMeasureRead, to: MeasureStatus, note = "", occurred_on?: string) =>
    move(
      { path: { org: slug, measure_id: measure.id }, body: { to, note, ...(occurred_on ? { occurred_on } : {}) } },
      () => {
        setCancelling(false);
        setReason("");
        setClosingDated(false);
      },
    );

  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton h={300} />;
  const { measure, etag } = query.data;
  const active = activeStep(measure.status, picked);
  const filled = stepsFilled(measure);
  const stepProps: StepProps = { org: slug, measure, etag, canWrite, onChanged: refresh };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <AnchorLink size="sm" to="/orgs/$org/corrective-measures" params={{ org: slug }}>
            ← Corrective measures
          </AnchorLink>
          <Group gap="sm" mt={4}>
            <Title order={2}>
              {measure.key} {measure.title}
            </Title>
            <MeasureStatusBadge status={measure.status} size="md" />
            {measure.overdue && <Badge color="red">Overdue</Badge>}
          </Group>
        </div>
        {canWrite && (
          <Group gap="xs">
            {measure.allowed_transitions.map((to) => (
              <Button
                key={to}
                color={to === "closed" ? "teal" : to === "cancelled" ? "red" : undefined}
                variant={to === "cancelled" || (measure.status === "effectiveness_review" && to === "analysed") ? "default" : "filled"}
                loading={moving === to}
                onClick={() =>
                  to === "cancelled" ? setCancelling(true) : to === "closed" ? setClosingDated(true) : void transition(measure, to)
                }
              >
                {transitionLabel(measure.status, to)}
              </Button>
            ))}
          </Group>
        )}
      </Group>

      {problem && <MeasureBlocked problem={problem} onClose={clearProblem} />}

      <Card withBorder padding="md">
        <Stack gap="md">
          {measure.description && <Field label="Description">{measure.description}</Field>}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Field label="Findings">
              {measure.finding_ids.length === 0
                ? "—"
                : measure.finding_ids.map((id) => (
                    <AnchorLink key={id} size="sm" mr="xs" to="/orgs/$org/findings/$findingId" params={{ org: slug, findingId: id }}>
                      {findings.data?.get(id)?.key ?? "finding"}
                    </AnchorLink>
                  ))}
            </Field>
            <Field label="Owner">{measure.owner_id ? (names.get(measure.owner_id) ?? "former member") : "—"}</Field>
            <Field label="Due">{formatDate(measure.due_date)}</Field>
            <Field label="Opened">{formatDateTime(measure.created_at)}</Field>
            {measure.reopen_count > 0 && <Field label="Back to analysis">{`${measure.reopen_count} time(s)`}</Field>}
            {measure.closed_at && (
              <Field label="Closed">
                {measure.closed_on && measure.closed_on !== measure.closed_at.slice(0, 10)
                  ? `${formatDate(measure.closed_on)} (recorded ${formatDateTime(measure.closed_at)})`
                  : formatDateTime(measure.closed_at)}
              </Field>
            )}
          </SimpleGrid>
          {measure.cancel_reason && <Field label="Cancelled because">{measure.cancel_reason}</Field>}
        </Stack>
      </Card>

      <Card withBorder padding="md">
        <Stepper
          active={active}
          onStepClick={(step) => setPicked({ status: measure.status, step })}
          allowNextStepsSelect
          size="sm"
          aria-label="Corrective measure steps"
        >
          {STEPS.map((s, i) => (
            <Stepper.Step
              key={s.label}
              label={`${i + 1}. ${s.label}`}
              description={s.description}
              color={filled[i] ? "teal" : undefined}
              aria-label={`Step ${i + 1}: ${s.label}`}
            >
              <Card withBorder padding="md" mt="md" key={`${measure.version}-${i}`}>
                {i === 0 && <CorrectionStep {...stepProps} />}
                {i === 1 && <RootCauseStep {...stepProps} />}
                {i === 2 && <PlanStep {...stepProps} />}
                {i === 3 && <ImplementationStep {...stepProps} />}
                {i === 4 && <EffectivenessStep {...stepProps} />}
              </Card>
            </Stepper.Step>
          ))}
          <Stepper.Completed>
            <Stack gap="sm" mt="md">
              <Alert color="teal" title={`${measure.key} is closed`}>
                The correction, root cause, actions and an effective review are recorded. Closed {formatDateTime(measure.closed_at)}.
              </Alert>
              <EffectivenessStep {...stepProps} />
              <List size="sm">
                {STEPS.slice(0, 4).map((s, i) => (
                  <List.Item key={s.label}>
                    <Anchor component="button" type="button" size="sm" onClick={() => setPicked({ status: measure.status, step: i })}>
                      Show step {i + 1}: {s.label}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Stepper.Completed>
        </Stepper>
      </Card>

      <OccurredDateModal
        opened={closingDated}
        title={`Close ${measure.key}`}
        label="Closed on"
        minDate={measure.effectiveness_review?.review_date}
        confirmLabel="Close measure"
        loading={moving === "closed"}
        onClose={() => setClosingDated(false)}
        onConfirm={(day) => void transition(measure, "closed", "", day).then(() => setClosingDated(false))}
      />

      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={`Cancel ${measure.key}`} centered>
        <Stack gap="md">
          {problem && <MeasureBlocked problem={problem} onClose={clearProblem} />}
          <Textarea
            label="Reason"
            required
            description="Why no (further) action on causes is taken"
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setCancelling(false)}>
              Keep it
            </Button>
            <Button color="red" loading={moving === "cancelled"} disabled={!reason.trim()} onClick={() => void transition(measure, "cancelled", reason.trim())}>
              Cancel measure
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
