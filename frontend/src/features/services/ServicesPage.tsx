import { useState } from "react";
import { Badge, Button, Checkbox, Group, Modal, MultiSelect, Select, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { customersListCustomersOptions, servicesCreateServiceMutation, servicesListServicesOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { Criticality, ServiceStatus } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { memberNames, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { CRITICALITY_LABELS, SERVICE_OPERATIONS, STATUS_COLORS, STATUS_LABELS } from "./labels";
import { ScopeCard } from "./ScopeCard";

function ServiceModal({ org, onClose }: { org: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "services:read");
  const customers = useQuery({ ...customersListCustomersOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", description: "", owner_id: null as string | null, criticality: "medium" as Criticality, in_scope: true, out_of_scope_reason: "", customer_ids: [] as string[] },
    validate: {
      name: (v) => (v.trim() ? null : "Give the service a name"),
      out_of_scope_reason: (v, values) => (values.in_scope || v.trim() ? null : "A service outside the scope needs the reason"),
    },
  });
  const create = useMutation({
    ...servicesCreateServiceMutation(),
    onSuccess: async (s) => {
      notifySuccess(`${s.key} ${s.name} added to the catalogue.`);
      await invalidateOperations(queryClient, SERVICE_OPERATIONS);
      onClose();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the service" }),
  });
  const submit = form.onSubmit((v) =>
    create.mutate({
      path: { org },
      body: { ...v, name: v.name.trim(), description: v.description.trim(), out_of_scope_reason: v.in_scope ? "" : v.out_of_scope_reason.trim() },
    }),
  );
  return (
    <Modal opened onClose={onClose} title="New service" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <Group grow>
            <Select label="Owner" data={owners} clearable searchable {...form.getInputProps("owner_id")} />
            <Select
              label="Criticality"
              data={(Object.keys(CRITICALITY_LABELS) as Criticality[]).map((value) => ({ value, label: CRITICALITY_LABELS[value] }))}
              allowDeselect={false}
              {...form.getInputProps("criticality")}
            />
          </Group>
          <MultiSelect label="Customers" data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))} searchable {...form.getInputProps("customer_ids")} />
          <Checkbox label="In the SMS scope" {...form.getInputProps("in_scope", { type: "checkbox" })} />
          {!form.values.in_scope && <Textarea label="Why it is outside the scope" required autosize minRows={1} {...form.getInputProps("out_of_scope_reason")} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add service
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The service catalogue (8.2.4): lifecycle, scope, customers and the processes behind each service. */
export function ServicesPage() {
  const { slug } = useCurrentOrg();
  const canWrite = useCan()("services:write");
  const [status, setStatus] = useState<ServiceStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const names = memberNames(useMembers(slug).data);
  const query = useQuery(servicesListServicesOptions({ path: { org: slug }, query: { limit: 500, status: status ?? undefined } }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Services</Title>
          <Text size="sm" c="dimmed">
            The service catalogue: which services are in the SMS scope, for which customers, and who operates the processes behind them.
          </Text>
        </div>
        <Group>
          <AnchorLink to="/orgs/$org/customers" params={{ org: slug }} size="sm">
            Customers
          </AnchorLink>
          {canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New service
            </Button>
          )}
        </Group>
      </Group>
      <ScopeCard org={slug} />
      <Group gap="sm">
        <Select
          aria-label="Status"
          placeholder="Any status"
          size="xs"
          w={180}
          clearable
          data={(Object.keys(STATUS_LABELS) as ServiceStatus[]).map((value) => ({ value, label: STATUS_LABELS[value] }))}
          value={status}
          onChange={(v) => setStatus(v && v in STATUS_LABELS ? (v as ServiceStatus) : null)}
        />
      </Group>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={200} />}
      {query.data && query.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No services{status ? " with this status" : " yet"}.
        </Text>
      )}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm" aria-label="Services">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Scope</Table.Th>
                <Table.Th>Customers</Table.Th>
                <Table.Th>Processes</Table.Th>
                <Table.Th>Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <AnchorLink to="/orgs/$org/services/$serviceId" params={{ org: slug, serviceId: s.id }} fw={600} size="sm">
                      {s.key} {s.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {CRITICALITY_LABELS[s.criticality]} criticality
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[s.status]} variant="light">
                      {STATUS_LABELS[s.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.in_scope ? "In scope" : "Out of scope"}</Text>
                    <Text size="xs" c={s.in_scope === s.in_scope_statement ? "dimmed" : "red"}>
                      {s.in_scope_statement ? "named in the scope statement" : "not named in the scope statement"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.customers.map((c) => c.name).join(", ") || "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.processes.map((p) => `${p.requirement_ref}${p.operator === "supplier" ? " (supplier)" : ""}`).join(", ") || "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.owner_id ? (names.get(s.owner_id) ?? "former member") : "—"}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <ServiceModal org={slug} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
