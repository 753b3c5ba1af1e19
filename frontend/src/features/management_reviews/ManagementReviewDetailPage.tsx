import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconLock } from "@tabler/icons-react";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import { managementReviewsGetManagementReview, managementReviewsUpdateManagementReviewInput } from "../../api/gen/sdk.gen";
import {
  managementReviewsCreateManagementReviewActionMutation,
  managementReviewsCreateManagementReviewDecisionMutation,
  managementReviewsGetManagementReviewQueryKey,
  managementReviewsTransitionManagementReviewMutation,
  managementReviewsUpdateManagementReviewActionMutation,
  managementReviewsUpdateManagementReviewMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type {
  DecisionKind,
  ManagementReviewDetailRead,
  ManagementReviewInputRead,
  ManagementReviewInputUpdate,
  ReviewStatus,
} from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate, formatDateTime } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { type ApiProblem } from "../../lib/problem";
import { useWorkflowMove } from "../../lib/workflow";
import { OccurredDateModal } from "../../components/OccurredDate";
import { invalidateOperations } from "../../api/invalidate";
import { memberNames, memberOptions as toOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useEvidenceOptions } from "../evidence/shared";
import { toIsoDate } from "../corrective_measures/labels";
import { addDaysIso, todayIso } from "../corrective_measures/steps";
import { DownloadMinutesButton } from "../exports/DownloadPdfButton";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { DECISION_KIND_LABELS, DECISION_OPTIONS, REVIEW_STATUS_COLORS, REVIEW_STATUS_LABELS, REVIEW_TRANSITION_LABELS } from "./labels";
import { prefillLines, uncoveredTitles } from "./prefill";

function reviewWithEtagOptions(org: string, reviewId: string) {
  return queryOptions({
    queryKey: [...managementReviewsGetManagementReviewQueryKey({ path: { org, review_id: reviewId } }), "with-etag"] as const,
    queryFn: async ({ signal }) => {
      const { data, response } = await managementReviewsGetManagementReview({ path: { org, review_id: reviewId }, signal });
      return { review: data, etag: response.headers.get("ETag") };
    },
  });
}

function invalidateReviews(queryClient: ReturnType<typeof useQueryClient>) {
  return invalidateOperations(queryClient, ["managementReviewsListManagementReviews", "managementReviewsGetManagementReview", "activityListActivity"]);
}

function ReviewBlocked({ problem, review, onClose }: { problem: ApiProblem; review: ManagementReviewDetailRead; onClose: () => void }) {
  const uncovered = uncoveredTitles(problem.extensions, review.inputs);
  return (
    <Alert color="orange" role="alert" icon={<IconLock size={18} aria-hidden />} title={problem.title} withCloseButton onClose={onClose}>
      <Text size="sm">{problem.detail ?? problem.title}</Text>
      {uncovered.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            Topics still to cover ({uncovered.length}):
          </Text>
          <List size="sm" aria-label="Uncovered topics">
            {uncovered.map((t) => (
              <List.Item key={t}>{t}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

interface Ctx {
  org: string;
  review: ManagementReviewDetailRead;
  editable: boolean;
  onChanged: () => Promise<void>;
}

function DetailsForm({ org, review, etag, editable, onChanged }: Ctx & { etag: string | null }) {
  const members = useMembers(org);
  const evidence = useEvidenceOptions(org);
  const memberOptions = toOptions(members.data);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      held_date: review.held_date as string | null,
      chair_id: review.chair_id,
      chair_name: review.chair_id ? "" : review.chair_name,
      attendee_ids: review.attendees.flatMap((a) => (a.user_id ? [a.user_id] : [])),
      minutes_evidence_id: review.minutes_evidence_id,
    },
  });
  const save = useMutation({
    ...managementReviewsUpdateManagementReviewMutation(),
    onSuccess: async () => {
      notifySuccess("Review details saved.");
      await onChanged();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not save the review" }),
  });
  const submit = form.onSubmit((v) => {
    const named = review.attendees.filter((a) => !a.user_id);
    save.mutate({
      path: { org, review_id: review.id },
      headers: { "If-Match": etag ?? "" },
      body: {
        held_date: toIsoDate(v.held_date),
        chair_id: v.chair_id,
        ...(v.chair_id ? {} : { chair_name: v.chair_name.trim() }),
        attendees: [...v.attendee_ids.map((user_id) => ({ user_id })), ...named],
        minutes_evidence_id: v.minutes_evidence_id,
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Review details">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <DateInput label="Held date" valueFormat="D MMM YYYY" clearable disabled={!editable} popoverProps={{ withinPortal: true }} {...form.getInputProps("held_date")} />
          <Select label="Chair" searchable clearable disabled={!editable} data={memberOptions} comboboxProps={{ withinPortal: true }} {...form.getInputProps("chair_id")} />
          {!form.getValues().chair_id && <TextInput label="Chair name" disabled={!editable} {...form.getInputProps("chair_name")} />}
          <Select
            label="Minutes (evidence)"
            searchable
            clearable
            disabled={!editable}
            data={evidence.data ?? []}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("minutes_evidence_id")}
          />
        </SimpleGrid>
        <MultiSelect label="Attendees" searchable disabled={!editable} data={memberOptions} comboboxProps={{ withinPortal: true }} {...form.getInputProps("attendee_ids")} />
        {review.attendees.some((a) => !a.user_id) && (
          <Text size="xs" c="dimmed">
            Also attending: {review.attendees.filter((a) => !a.user_id).map((a) => a.name).join(", ")}
          </Text>
        )}
        {editable && (
          <Group>
            <Button type="submit" variant="default" loading={save.isPending}>
              Save details
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function TopicCard({ org, review, editable, onChanged, item }: Ctx & { item: ManagementReviewInputRead }) {
  const [notes, setNotes] = useState(item.notes);
  const [naOpen, setNaOpen] = useState(false);
  const [reason, setReason] = useState(item.not_applicable_reason ?? "");
  const sections = prefillLines(item.prefill);
  // The success message travels with the variables: each button says what it did.
  const mutation = useMutation({
    mutationFn: async ({ body }: { body: ManagementReviewInputUpdate; message: string }) =>
      (await managementReviewsUpdateManagementReviewInput({ path: { org, review_id: review.id, topic_key: item.key }, body })).data,
    onSuccess: async (_data, { message }) => {
      notifySuccess(message);
      setNaOpen(false);
      await onChanged();
    },
    onError: (error) => notifyProblem(error, "Could not update the topic"),
  });
  const save = (body: ManagementReviewInputUpdate, message: string) => mutation.mutate({ body, message });
  const pending = mutation.isPending;
  const state = item.covered ? "Covered" : item.not_applicable_reason ? "Not applicable" : "Not covered";
  return (
    <Card withBorder padding="md" role="group" aria-label={`Topic: ${item.title}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>
            {item.position}. {item.title}
          </Text>
          {!item.mandatory && (
            <Text size="xs" c="dimmed">
              Added for this review
            </Text>
          )}
        </div>
        <Badge color={item.covered ? "teal" : item.not_applicable_reason ? "gray" : "orange"} variant="light">
          {state}
        </Badge>
      </Group>
      {sections.length > 0 && (
        <Stack gap={4} mt="sm" aria-label={`Pre-filled inputs: ${item.title}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Pre-filled on {formatDateTime(review.snapshot_at)}
          </Text>
          {sections.map((s) => (
            <Table key={s.section} withRowBorders={false} verticalSpacing={2} fz="sm" aria-label={`${s.title} (pre-filled)`}>
              <Table.Tbody>
                {s.lines.map((l) => (
                  <Table.Tr key={l.key}>
                    <Table.Td w="45%" c="dimmed">
                      {l.label}
                    </Table.Td>
                    <Table.Td>{l.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        </Stack>
      )}
      {item.not_applicable_reason && (
        <Text size="sm" mt="xs">
          <b>Not applicable:</b> {item.not_applicable_reason}
        </Text>
      )}
      <Textarea
        mt="sm"
        label="Notes"
        aria-label={`Notes on ${item.title}`}
        autosize
        minRows={1}
        disabled={!editable}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {editable && (
        <Group gap="xs" mt="xs">
          {notes !== item.notes && (
            <Button size="xs" variant="default" loading={pending} onClick={() => save({ notes }, "Notes saved.")}>
              Save notes
            </Button>
          )}
          {!item.covered && (
            <Button size="xs" color="teal" loading={pending} onClick={() => save({ notes, covered: true }, `Covered: ${item.title}`)}>
              Mark covered
            </Button>
          )}
          {!item.not_applicable_reason && (
            <Button size="xs" variant="default" onClick={() => setNaOpen(true)}>
              Not applicable…
            </Button>
          )}
          {item.resolved && review.status === "planned" && (
            <Button size="xs" variant="subtle" color="gray" loading={pending} onClick={() => save({ covered: false, not_applicable_reason: null }, "Topic reopened.")}>
              Reopen topic
            </Button>
          )}
        </Group>
      )}
      <Modal opened={naOpen} onClose={() => setNaOpen(false)} title={`Not applicable: ${item.title}`} centered>
        <Stack gap="sm">
          <Textarea label="Reason" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNaOpen(false)}>
              Cancel
            </Button>
            <Button disabled={!reason.trim()} loading={pending} onClick={() => save({ notes, not_applicable_reason: reason.trim() }, `Not applicable: ${item.title}`)}>
              Mark not applicable
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function Decisions({ org, review, editable, onChanged }: Ctx) {
  const form = useForm({
    mode: "controlled",
    initialValues: { kind: "improvement" as string | null, text: "" },
    validate: { text: (v) => (v.trim() ? null : "Write the decision") },
  });
  const add = useMutation({
    ...managementReviewsCreateManagementReviewDecisionMutation(),
    onSuccess: async () => {
      form.reset();
      notifySuccess("Decision recorded.");
      await onChanged();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not record the decision" }),
  });
  const submit = form.onSubmit((v) => add.mutate({ path: { org, review_id: review.id }, body: { kind: (v.kind ?? "other") as DecisionKind, text: v.text.trim() } }));
  return (
    <Stack gap="sm">
      {review.decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No decisions yet.
        </Text>
      ) : (
        <List size="sm" aria-label="Decisions">
          {review.decisions.map((d) => (
            <List.Item key={d.id}>
              <Badge size="xs" variant="light" mr="xs">
                {DECISION_KIND_LABELS[d.kind]}
              </Badge>
              {d.text}
            </List.Item>
          ))}
        </List>
      )}
      {editable && (
        <form onSubmit={submit} noValidate aria-label="Add a decision">
          <Group align="flex-end" gap="sm">
            <Select label="Kind" data={DECISION_OPTIONS} allowDeselect={false} w={220} comboboxProps={{ withinPortal: true }} {...form.getInputProps("kind")} />
            <TextInput label="Decision" style={{ flex: 1, minWidth: 240 }} {...form.getInputProps("text")} />
            <Button type="submit" loading={add.isPending}>
              Add decision
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function Actions({ org, review, onChanged, canWrite }: Omit<Ctx, "editable"> & { canWrite: boolean }) {
  const members = useMembers(org);
  const names = memberNames(members.data);
  const canAdd = canWrite && (review.status === "planned" || review.status === "held");
  const form = useForm({
    mode: "controlled",
    initialValues: { description: "", owner_id: null as string | null, due_date: addDaysIso(todayIso(), 60) as string | null, decision_id: null as string | null },
    validate: {
      description: (v) => (v.trim() ? null : "Describe the action"),
      owner_id: (v) => (v ? null : "Pick an owner"),
      due_date: (v) => (v ? null : "Give a due date"),
    },
  });
  const add = useMutation({
    ...managementReviewsCreateManagementReviewActionMutation(),
    onSuccess: async () => {
      form.setFieldValue("description", "");
      notifySuccess("Action recorded.");
      await onChanged();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not record the action" }),
  });
  const submit = form.onSubmit((v) =>
    add.mutate({
      path: { org, review_id: review.id },
      body: { description: v.description.trim(), owner_id: v.owner_id ?? "", due_date: toIsoDate(v.due_date) ?? todayIso(), decision_id: v.decision_id },
    }),
  );
  const change = useMutation({
    ...managementReviewsUpdateManagementReviewActionMutation(),
    onError: (error) => notifyProblem(error, "Could not change the action"),
    onSettled: () => onChanged(),
  });
  const changing = change.isPending ? change.variables.path.action_id : null;
  const toggle = (actionId: string, done: boolean) =>
    change.mutate({ path: { org, review_id: review.id, action_id: actionId }, body: { status: done ? "done" : "open" } });
  return (
    <Stack gap="sm">
      {review.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No actions yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Review actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Done</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Done: ${a.description}`}
                    checked={a.status === "done"}
                    disabled={!canWrite || review.status === "cancelled" || changing === a.id}
                    onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>{a.description}</Table.Td>
                <Table.Td>{a.owner_id ? (names.get(a.owner_id) ?? "former member") : "—"}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={a.overdue ? "red" : undefined}>
                    {formatDate(a.due_date)}
                    {a.overdue ? " (overdue)" : ""}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canAdd && (
        <form onSubmit={submit} noValidate aria-label="Add an action">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label="Action" style={{ flex: 1, minWidth: 220 }} {...form.getInputProps("description")} />
            <Select
              label="Owner"
              searchable
              w={200}
              data={toOptions(members.data)}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("owner_id")}
            />
            <DateInput label="Due date" valueFormat="D MMM YYYY" w={150} popoverProps={{ withinPortal: true }} {...form.getInputProps("due_date")} />
            <Select
              label="From decision"
              clearable
              w={200}
              data={review.decisions.map((d) => ({ value: d.id, label: d.text.slice(0, 60) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("decision_id")}
            />
            <Button type="submit" loading={add.isPending}>
              Add action
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

/** One management review: details, the pre-filled input topics, decisions, actions, lifecycle. */
export function ManagementReviewDetailPage() {
  const { reviewId } = useParams({ from: "/_authed/orgs/$org/management-reviews/$reviewId" });
  const { slug } = useCurrentOrg();
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useQuery(reviewWithEtagOptions(slug, reviewId));
  const canWrite = can("reviews:write");
  const refresh = () => invalidateReviews(queryClient);

  const { moving, problem, clearProblem, move } = useWorkflowMove(
    "review",
    (s: ReviewStatus) => REVIEW_STATUS_LABELS[s].toLowerCase(),
    managementReviewsTransitionManagementReviewMutation(),
    refresh,
  );
  const transition = (review: ManagementReviewDetailRead, to: ReviewStatus, occurred_on?: string) =>
    move({ path: { org: slug, review_id: review.id }, body: { to, ...(occurred_on ? { occurred_on } : {}) } });
  // "held" and "minutes approved" ask for the day it happened (a review held last month)
  const [dated, setDated] = useState<"held" | "minutes_approved" | null>(null);

  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton h={300} />;
  const { review, etag } = query.data;
  const editable = canWrite && (review.status === "planned" || review.status === "held");
  const resolved = review.inputs.filter((i) => i.resolved).length;
  const ctx: Ctx = { org: slug, review, editable, onChanged: refresh };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <AnchorLink size="sm" to="/orgs/$org/management-reviews" params={{ org: slug }}>
            ← Management reviews
          </AnchorLink>
          <Group gap="sm" mt={4}>
            <Title order={2}>
              {review.key} {review.title}
            </Title>
            <Badge color={REVIEW_STATUS_COLORS[review.status]} size="md" title={`Status: ${REVIEW_STATUS_LABELS[review.status]}`}>
              {REVIEW_STATUS_LABELS[review.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Planned {formatDate(review.planned_date)}
            {review.since_date && ` · covers the period since ${formatDate(review.since_date)}`}
            {review.held_at && review.held_date && ` · held on ${formatDate(review.held_date)} (recorded ${formatDateTime(review.held_at)})`}
            {review.minutes_approved_at &&
              ` · minutes approved on ${formatDate(review.minutes_approved_on ?? review.minutes_approved_at)} (recorded ${formatDateTime(review.minutes_approved_at)})`}
          </Text>
        </div>
        <Group gap="xs">
          <DownloadMinutesButton org={slug} reviewId={review.id} variant="default" />
          {canWrite &&
            review.allowed_transitions.map((to) => (
              <Button
                key={to}
                color={to === "cancelled" ? "red" : to === "minutes_approved" ? "teal" : undefined}
                variant={to === "cancelled" ? "default" : "filled"}
                loading={moving === to}
                onClick={() => (to === "held" || to === "minutes_approved" ? setDated(to) : void transition(review, to))}
              >
                {REVIEW_TRANSITION_LABELS[to]}
              </Button>
            ))}
        </Group>
      </Group>

      {problem && <ReviewBlocked problem={problem} review={review} onClose={clearProblem} />}

      <OccurredDateModal
        opened={dated !== null}
        title={dated === "held" ? `Mark ${review.key} held` : `Approve the minutes of ${review.key}`}
        label={dated === "held" ? "Held on" : "Minutes approved on"}
        initial={dated === "held" ? review.held_date : null}
        minDate={dated === "minutes_approved" ? review.held_date : null}
        confirmLabel={dated ? REVIEW_TRANSITION_LABELS[dated] : ""}
        loading={moving !== null}
        onClose={() => setDated(null)}
        onConfirm={(day) => {
          const to = dated;
          if (to) void transition(review, to, day).then(() => setDated(null));
        }}
      />

      <Card withBorder padding="md">
        <Title order={4} mb="sm">
          Details
        </Title>
        <DetailsForm key={review.version} {...ctx} etag={etag} />
        {review.minutes_evidence_id && (
          <Text size="xs" c="dimmed" mt="xs">
            Minutes evidence status: {review.minutes_status ?? "unknown"} (it must be approved before the minutes are).
          </Text>
        )}
        {review.agenda && (
          <Text size="sm" mt="sm" style={{ whiteSpace: "pre-wrap" }}>
            <b>Agenda:</b> {review.agenda}
          </Text>
        )}
      </Card>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Input topics</Title>
          <Text size="sm" c="dimmed" aria-live="polite">
            {resolved} of {review.inputs.length} covered or not applicable
          </Text>
        </Group>
        <Progress value={review.inputs.length ? (resolved / review.inputs.length) * 100 : 0} color={resolved === review.inputs.length ? "teal" : "orange"} aria-label="Topics resolved" />
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {review.inputs.map((item) => (
            <TopicCard key={`${item.key}-${item.updated_at}`} {...ctx} item={item} />
          ))}
        </SimpleGrid>
      </Stack>

      <Card withBorder padding="md">
        <Title order={3} mb="sm">
          Decisions
        </Title>
        <Decisions {...ctx} />
      </Card>
      <Card withBorder padding="md">
        <Title order={3} mb="sm">
          Actions
        </Title>
        <Actions org={slug} review={review} onChanged={refresh} canWrite={canWrite} />
      </Card>
    </Stack>
  );
}
