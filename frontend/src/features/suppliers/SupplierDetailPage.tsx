import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import {
  agreementsListAgreementsOptions,
  suppliersAddReviewMutation,
  suppliersGetSupplierOptions,
  suppliersListReviewsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { ReviewResult } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { ButtonLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { toIsoDate } from "../corrective_measures/labels";
import { todayIso } from "../corrective_measures/steps";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { KIND_LABELS, RESULT_LABELS, TYPE_LABELS } from "./labels";

const RESULT_OPTIONS = (Object.keys(RESULT_LABELS) as ReviewResult[]).map((value) => ({ value, label: RESULT_LABELS[value] }));

function AddReview({ org, supplierId }: { org: string; supplierId: string }) {
  const queryClient = useQueryClient();
  const form = useForm<{ reviewed_on: string | null; result: ReviewResult; summary: string }>({
    initialValues: { reviewed_on: todayIso(), result: "satisfactory", summary: "" },
  });
  const add = useMutation({ ...suppliersAddReviewMutation() });
  const submit = form.onSubmit((values) =>
    add.mutate(
      { path: { org, supplier_id: supplierId }, body: { reviewed_on: toIsoDate(values.reviewed_on) ?? "", result: values.result, summary: values.summary } },
      {
        onSuccess: async () => {
          notifySuccess("Review recorded");
          form.reset();
          await invalidateOperations(queryClient, ["suppliersListReviews", "suppliersGetSupplier", "activityListActivity"]);
        },
        onError: (error) => handleFormError(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Group align="flex-end">
        <DateInput label="Reviewed on" required valueFormat="D MMM YYYY" {...form.getInputProps("reviewed_on")} />
        <Select label="Result" data={RESULT_OPTIONS} allowDeselect={false} {...form.getInputProps("result")} />
        <Textarea label="Summary" autosize style={{ flex: 1 }} {...form.getInputProps("summary")} />
        <Button type="submit" loading={add.isPending}>
          Record review
        </Button>
      </Group>
    </form>
  );
}

export function SupplierDetailPage() {
  const { supplierId } = useParams({ from: "/_authed/orgs/$org/suppliers/$supplierId" });
  const { slug: org } = useCurrentOrg();
  const can = useCan();
  const supplier = useQuery(suppliersGetSupplierOptions({ path: { org, supplier_id: supplierId } }));
  const reviews = useQuery(suppliersListReviewsOptions({ path: { org, supplier_id: supplierId } }));
  const agreements = useQuery(agreementsListAgreementsOptions({ path: { org }, query: { supplier_id: supplierId } }));
  if (supplier.error) return <QueryErrorAlert error={supplier.error} />;
  const s = supplier.data;
  return (
    <Stack>
      <Title order={2}>{s ? `${s.key} ${s.name}` : "Supplier"}</Title>
      {s && (
        <Group>
          <Badge>{KIND_LABELS[s.kind]}</Badge>
          <Badge color={s.status === "active" ? "teal" : "gray"}>{s.status}</Badge>
          {!s.in_scope && <Badge color="gray">out of scope</Badge>}
          {s.contact && <Text size="sm">{s.contact}</Text>}
        </Group>
      )}
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>Agreements</Title>
          <ButtonLink to="/orgs/$org/agreements" params={{ org }} size="xs" variant="default">
            All agreements
          </ButtonLink>
        </Group>
        {(agreements.data?.items ?? []).length === 0 ? (
          <Text c="dimmed">No contract or agreement with this supplier.</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {(agreements.data?.items ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.key}</Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{TYPE_LABELS[a.type]}</Table.Td>
                  <Table.Td>{a.status}</Table.Td>
                  <Table.Td>
                    {formatDate(a.start_date)} – {a.end_date ? formatDate(a.end_date) : "open-ended"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          Performance reviews
        </Title>
        <Stack>
          {(reviews.data?.items ?? []).map((r) => (
            <Group key={r.id} justify="space-between">
              <Text size="sm">
                {formatDate(r.reviewed_on)}: {RESULT_LABELS[r.result]}
              </Text>
              <Text size="sm" c="dimmed">
                {r.summary}
              </Text>
            </Group>
          ))}
          {reviews.data?.items.length === 0 && <Text c="dimmed">No review recorded.</Text>}
          {can("suppliers:write") && <AddReview org={org} supplierId={supplierId} />}
        </Stack>
      </Card>
    </Stack>
  );
}
