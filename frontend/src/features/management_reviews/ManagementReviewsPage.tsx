import { useState } from "react";
import { Badge, Button, Group, Modal, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

import {
  managementReviewsCreateManagementReviewMutation,
  managementReviewsListManagementReviewsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { ManagementReviewDetailRead } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { invalidateOperations } from "../../api/invalidate";
import { useMemberOptions } from "../members/api";
import { useCan } from "../orgs/useCan";
import { toIsoDate } from "../corrective_measures/labels";
import { todayIso } from "../corrective_measures/steps";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { REVIEW_STATUS_COLORS, REVIEW_STATUS_LABELS } from "./labels";

function PlanReviewModal({ org, onClose, onCreated }: { org: string; onClose: () => void; onCreated: (r: ManagementReviewDetailRead) => void }) {
  const members = useMemberOptions(org);
  const form = useForm({
    mode: "controlled",
    initialValues: { title: "Management review", planned_date: todayIso() as string | null, chair_id: null as string | null, chair_name: "", agenda: "" },
    validate: { planned_date: (v) => (v ? null : "Give the planned date") },
  });
  const plan = useMutation({
    ...managementReviewsCreateManagementReviewMutation(),
    onSuccess: (data) => onCreated(data),
    onError: (error) => handleFormError(form, error, { title: "Could not plan the review" }),
  });
  const submit = form.onSubmit((v) =>
    plan.mutate({
      path: { org },
      body: { title: v.title.trim() || "Management review", planned_date: toIsoDate(v.planned_date) ?? todayIso(), chair_id: v.chair_id, chair_name: v.chair_name.trim(), agenda: v.agenda.trim() },
    }),
  );
  return (
    <Modal opened onClose={onClose} title="Plan management review" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            The twelve input topics of 9.3 are pre-filled from today's data (findings, corrective measures, audits, objectives, training,
            earlier actions) and kept as reviewed.
          </Text>
          <TextInput label="Title" data-autofocus {...form.getInputProps("title")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput label="Planned date" required valueFormat="D MMM YYYY" popoverProps={{ withinPortal: true }} {...form.getInputProps("planned_date")} />
            <Select
              label="Chair (top management)"
              searchable
              clearable
              data={members}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("chair_id")}
            />
          </SimpleGrid>
          <TextInput label="Chair name" description="When the chair has no account" {...form.getInputProps("chair_name")} />
          <Textarea label="Agenda" autosize minRows={2} {...form.getInputProps("agenda")} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={plan.isPending}>
              Plan review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Management reviews (9.3): planned, held, minutes approved. */
export function ManagementReviewsPage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const canWrite = can("reviews:write");
  const query = useQuery(managementReviewsListManagementReviewsOptions({ path: { org: slug }, query: { limit: 500 } }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Management reviews</Title>
          <Text size="sm" c="dimmed">
            Top management reviews the SMS at planned intervals: every input topic covered, decisions and actions recorded, minutes approved.
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Plan review
          </Button>
        )}
      </Group>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={200} />}
      {query.data && query.data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          No management reviews yet.
        </Text>
      )}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Management reviews">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Review</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Planned</Table.Th>
                <Table.Th>Held</Table.Th>
                <Table.Th>Chair</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <AnchorLink to="/orgs/$org/management-reviews/$reviewId" params={{ org: slug, reviewId: r.id }} fw={600} size="sm">
                      {r.key} {r.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={REVIEW_STATUS_COLORS[r.status]}>
                      {REVIEW_STATUS_LABELS[r.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(r.planned_date)}</Table.Td>
                  <Table.Td>{formatDate(r.held_date)}</Table.Td>
                  <Table.Td>{r.chair_name || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && (
        <PlanReviewModal
          org={slug}
          onClose={() => setCreating(false)}
          onCreated={(review) => {
            setCreating(false);
            notifySuccess(`${review.key} planned; its inputs are pre-filled.`);
            void invalidateOperations(queryClient, ["managementReviewsListManagementReviews", "activityListActivity"]);
            void navigate({ to: "/orgs/$org/management-reviews/$reviewId", params: { org: slug, reviewId: review.id } });
          }}
        />
      )}
    </Stack>
  );
}
