import { useState } from "react";
import { Badge, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  agreementsAddTargetMutation,
  agreementsCreateAgreementMutation,
  agreementsListAgreementsOptions,
  agreementsUpdateAgreementMutation,
  customersListCustomersOptions,
  servicesListServicesOptions,
  suppliersListSuppliersOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { AgreementRead, AgreementStatus, AgreementType, Direction } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { toIsoDate } from "../corrective_measures/labels";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { AGREEMENT_STATUS_OPTIONS, TYPE_LABELS, TYPE_OPTIONS } from "./labels";

function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  return invalidateOperations(queryClient, ["agreementsListAgreements", "agreementsGetAgreement", "activityListActivity"]);
}

function useParties(org: string) {
  const suppliers = useQuery(suppliersListSuppliersOptions({ path: { org }, query: { limit: 500 } }));
  const customers = useQuery(customersListCustomersOptions({ path: { org }, query: { limit: 500 } }));
  const services = useQuery(servicesListServicesOptions({ path: { org }, query: { limit: 500 } }));
  return {
    suppliers: (suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.key} ${s.name}` })),
    customers: (customers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.key} ${c.name}` })),
    services: (services.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.key} ${s.name}` })),
  };
}

interface FormValues {
  title: string;
  type: AgreementType;
  party: string;
  service_ids: string[];
  start_date: string | null;
  end_date: string | null;
  review_date: string | null;
  status: AgreementStatus;
  metric: string;
  target: number | string;
  unit: string;
  direction: Direction;
}

function CreateAgreement({ org, onClose }: { org: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const parties = useParties(org);
  const form = useForm<FormValues>({
    initialValues: { title: "", type: "sla", party: "", service_ids: [], start_date: null, end_date: null, review_date: null, status: "active", metric: "", target: "", unit: "", direction: "at_least" },
  });
  const create = useMutation({ ...agreementsCreateAgreementMutation() });
  const isSla = form.getValues().type === "sla";
  const submit = form.onSubmit((v) => {
    const party = v.type === "sla" ? { customer_id: v.party || null } : { supplier_id: v.party || null };
    const targets = v.metric.trim() && v.target !== "" ? [{ metric: v.metric, target: Number(v.target), unit: v.unit, direction: v.direction }] : [];
    create.mutate(
      {
        path: { org },
        body: {
          title: v.title,
          type: v.type,
          ...party,
          service_ids: v.service_ids,
          start_date: toIsoDate(v.start_date),
          end_date: toIsoDate(v.end_date),
          review_date: toIsoDate(v.review_date),
          status: v.status,
          targets,
        },
      },
      {
        onSuccess: async (a) => {
          notifySuccess(`${a.key} recorded`);
          await refresh(queryClient);
          onClose();
        },
        onError: (error) => handleFormError(form, error, { aliases: { customer_id: "party", supplier_id: "party" } }),
      },
    );
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label="Title" required {...form.getInputProps("title")} />
        <SimpleGrid cols={2}>
          <Select label="Type" data={TYPE_OPTIONS} allowDeselect={false} {...form.getInputProps("type")} />
          <Select label={isSla ? "Customer" : "Supplier"} data={isSla ? parties.customers : parties.suppliers} required searchable {...form.getInputProps("party")} />
        </SimpleGrid>
        <MultiSelect label="Services covered" data={parties.services} searchable {...form.getInputProps("service_ids")} />
        <SimpleGrid cols={3}>
          <DateInput label="Start" clearable {...form.getInputProps("start_date")} />
          <DateInput label="End" clearable {...form.getInputProps("end_date")} />
          <DateInput label="Review date" clearable {...form.getInputProps("review_date")} />
        </SimpleGrid>
        <Select label="Status" data={AGREEMENT_STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps("status")} />
        <Text fw={500} size="sm">
          Service level target (optional)
        </Text>
        <SimpleGrid cols={4}>
          <TextInput label="Metric" {...form.getInputProps("metric")} />
          <NumberInput label="Target" {...form.getInputProps("target")} />
          <TextInput label="Unit" {...form.getInputProps("unit")} />
          <Select
            label="Direction"
            data={[
              { value: "at_least", label: "At least" },
              { value: "at_most", label: "At most" },
            ]}
            allowDeselect={false}
            {...form.getInputProps("direction")}
          />
        </SimpleGrid>
        <Button type="submit" loading={create.isPending}>
          Record agreement
        </Button>
      </Stack>
    </form>
  );
}

function AgreementRow({ org, agreement, canWrite }: { org: string; agreement: AgreementRead; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const update = useMutation({ ...agreementsUpdateAgreementMutation() });
  const addTarget = useMutation({ ...agreementsAddTargetMutation() });
  const [metric, setMetric] = useState("");
  const [target, setTarget] = useState<number | string>("");
  const onError = (error: unknown) => notifyProblem(error);
  return (
    <Table.Tr>
      <Table.Td>{agreement.key}</Table.Td>
      <Table.Td>{agreement.title}</Table.Td>
      <Table.Td>{TYPE_LABELS[agreement.type]}</Table.Td>
      <Table.Td>
        {formatDate(agreement.start_date)} – {agreement.end_date ? formatDate(agreement.end_date) : "open-ended"}
      </Table.Td>
      <Table.Td>
        {canWrite ? (
          <Select
            aria-label={`Status of ${agreement.key}`}
            size="xs"
            data={AGREEMENT_STATUS_OPTIONS}
            value={agreement.status}
            allowDeselect={false}
            onChange={(to) =>
              to &&
              update.mutate(
                { path: { org, agreement_id: agreement.id }, body: { status: to as AgreementStatus }, headers: { "If-Match": `"${agreement.version}"` } },
                { onSuccess: () => refresh(queryClient), onError },
              )
            }
          />
        ) : (
          <Badge>{agreement.status}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {agreement.targets.map((t) => (
            <Text size="xs" key={t.id}>
              {t.metric} {t.direction === "at_least" ? "≥" : "≤"} {t.target} {t.unit}
            </Text>
          ))}
          {canWrite && (
            <Group gap={4} wrap="nowrap">
              <TextInput size="xs" aria-label={`New target metric for ${agreement.key}`} placeholder="Metric" value={metric} onChange={(e) => setMetric(e.currentTarget.value)} />
              <NumberInput size="xs" aria-label={`New target value for ${agreement.key}`} placeholder="Target" value={target} onChange={setTarget} w={90} />
              <Button
                size="xs"
                variant="default"
                disabled={!metric.trim() || target === ""}
                loading={addTarget.isPending}
                onClick={() =>
                  addTarget.mutate(
                    { path: { org, agreement_id: agreement.id }, body: { metric, target: Number(target), direction: "at_least" } },
                    {
                      onSuccess: async () => {
                        setMetric("");
                        setTarget("");
                        await refresh(queryClient);
                      },
                      onError,
                    },
                  )
                }
              >
                Add
              </Button>
            </Group>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function AgreementsPage() {
  const { slug: org } = useCurrentOrg();
  const can = useCan();
  const canWrite = can("suppliers:write");
  const [creating, setCreating] = useState(false);
  const agreements = useQuery(agreementsListAgreementsOptions({ path: { org }, query: { limit: 500 } }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Agreements</Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New agreement
          </Button>
        )}
      </Group>
      {agreements.error && <QueryErrorAlert error={agreements.error} />}
      <Table striped aria-label="Agreements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Term</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Targets</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(agreements.data?.items ?? []).map((a) => (
            <AgreementRow key={a.id} org={org} agreement={a} canWrite={canWrite} />
          ))}
        </Table.Tbody>
      </Table>
      {agreements.data?.items.length === 0 && <Text c="dimmed">No agreement recorded yet.</Text>}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New agreement" size="lg">
        <CreateAgreement org={org} onClose={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}
