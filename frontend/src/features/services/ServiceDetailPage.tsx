import { useState } from "react";
import { Badge, Button, Card, Group, Modal, MultiSelect, Select, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import {
  customersListCustomersOptions,
  objectivesListObjectivesOptions,
  servicesAddProcessMutation,
  servicesGetServiceOptions,
  servicesRemoveProcessMutation,
  servicesTransitionServiceMutation,
  servicesUpdateServiceMutation,
  suppliersListSuppliersOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { Operator, ServiceRead } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { handleFormError } from "../../lib/forms";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { memberNames, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { CRITICALITY_LABELS, NEXT, OPERATOR_LABELS, SERVICE_OPERATIONS, STATUS_COLORS, STATUS_LABELS } from "./labels";

const etag = (s: ServiceRead) => `"${s.version}"`;

function ProcessModal({ org, service, onClose }: { org: string; service: ServiceRead; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "services:read");
  const suppliers = useQuery({ ...suppliersListSuppliersOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  const objectives = useQuery({ ...objectivesListObjectivesOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  const form = useForm({
    mode: "controlled",
    initialValues: { requirement_ref: "", operator: "organisation" as Operator, supplier_id: null as string | null, owner_id: null as string | null, monitoring: "", monitoring_objective_id: null as string | null },
    validate: { requirement_ref: (v) => (/^8(\.\d+)+$/.test(v.trim()) ? null : "A clause-8 requirement, e.g. 8.6.1") },
  });
  const add = useMutation({
    ...servicesAddProcessMutation(),
    onSuccess: async () => {
      notifySuccess(`Process added to ${service.key}.`);
      await invalidateOperations(queryClient, SERVICE_OPERATIONS);
      onClose();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the process" }),
  });
  const submit = form.onSubmit((v) =>
    add.mutate({
      path: { org, service_id: service.id },
      body: { ...v, requirement_ref: v.requirement_ref.trim(), supplier_id: v.operator === "supplier" ? v.supplier_id : null, monitoring: v.monitoring.trim() },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Add process: ${service.key}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Clause-8 process (requirement)" placeholder="8.6.1" required data-autofocus {...form.getInputProps("requirement_ref")} />
          <Select
            label="Operated by"
            data={(Object.keys(OPERATOR_LABELS) as Operator[]).map((value) => ({ value, label: OPERATOR_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps("operator")}
          />
          {form.values.operator === "supplier" && (
            <Select label="Supplier" required searchable data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.key} ${s.name}` }))} {...form.getInputProps("supplier_id")} />
          )}
          <Select label="Internal owner" data={owners} clearable searchable {...form.getInputProps("owner_id")} />
          <Textarea label="Performance monitoring" autosize minRows={1} {...form.getInputProps("monitoring")} />
          <Select label="Measured by objective" clearable searchable data={(objectives.data ?? []).map((o) => ({ value: o.id, label: `${o.key} ${o.title}` }))} {...form.getInputProps("monitoring_objective_id")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add process
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditModal({ org, service, onClose }: { org: string; service: ServiceRead; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "services:read");
  const customers = useQuery({ ...customersListCustomersOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  const form = useForm({
    mode: "controlled",
    initialValues: {
      name: service.name,
      description: service.description,
      owner_id: service.owner_id,
      in_scope: service.in_scope ? "yes" : "no",
      out_of_scope_reason: service.out_of_scope_reason,
      customer_ids: service.customers.map((c) => c.id),
    },
  });
  const save = useMutation({
    ...servicesUpdateServiceMutation(),
    onSuccess: async () => {
      notifySuccess(`${service.key} saved.`);
      await invalidateOperations(queryClient, SERVICE_OPERATIONS);
      onClose();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not save the service" }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({
      path: { org, service_id: service.id },
      headers: { "If-Match": etag(service) },
      body: { ...v, in_scope: v.in_scope === "yes", out_of_scope_reason: v.in_scope === "yes" ? null : v.out_of_scope_reason },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Edit ${service.key}`} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Name" required {...form.getInputProps("name")} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <Select label="Owner" data={owners} clearable searchable {...form.getInputProps("owner_id")} />
          <MultiSelect label="Customers" searchable data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))} {...form.getInputProps("customer_ids")} />
          <Select label="SMS scope" allowDeselect={false} data={[{ value: "yes", label: "In scope" }, { value: "no", label: "Out of scope" }]} {...form.getInputProps("in_scope")} />
          {form.values.in_scope === "no" && <Textarea label="Why it is outside the scope" required autosize minRows={1} {...form.getInputProps("out_of_scope_reason")} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Processes({ org, service, canWrite }: { org: string; service: ServiceRead; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const names = memberNames(useMembers(org).data);
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    ...servicesRemoveProcessMutation(),
    onSuccess: async () => invalidateOperations(queryClient, SERVICE_OPERATIONS),
    onError: (error) => notifyProblem(error, "Could not remove the process"),
  });
  return (
    <Card withBorder aria-label="Processes and operators">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Processes and who operates them</Title>
          {canWrite && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              Add process
            </Button>
          )}
        </Group>
        {service.processes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No clause-8 process recorded for this service.
          </Text>
        ) : (
          <Table aria-label="Processes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Process</Table.Th>
                <Table.Th>Operated by</Table.Th>
                <Table.Th>Internal owner</Table.Th>
                <Table.Th>Monitoring</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {service.processes.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <AnchorLink to="/orgs/$org/requirements/$ref" params={{ org, ref: p.requirement_ref }} size="sm">
                      {p.requirement_ref}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{OPERATOR_LABELS[p.operator]}</Table.Td>
                  <Table.Td>{p.owner_id ? (names.get(p.owner_id) ?? "former member") : "—"}</Table.Td>
                  <Table.Td>
                    {p.monitoring || "—"}
                    {p.monitoring_objective_id && " (objective)"}
                  </Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending}
                        onClick={() => remove.mutate({ path: { org, service_id: service.id, process_id: p.id }, headers: { "If-Match": etag(service) } })}
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {adding && <ProcessModal org={org} service={service} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** One service: lifecycle, scope, customers and the processes behind it (more registers link here later). */
export function ServiceDetailPage() {
  const { slug } = useCurrentOrg();
  const { serviceId } = useParams({ from: "/_authed/orgs/$org/services/$serviceId" });
  const canWrite = useCan()("services:write");
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const names = memberNames(useMembers(slug).data);
  const query = useQuery(servicesGetServiceOptions({ path: { org: slug, service_id: serviceId } }));
  const move = useMutation({
    ...servicesTransitionServiceMutation(),
    onSuccess: async () => invalidateOperations(queryClient, SERVICE_OPERATIONS),
    onError: (error) => notifyProblem(error, "Could not move the service"),
  });
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton h={300} />;
  const s = query.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <AnchorLink to="/orgs/$org/services" params={{ org: slug }} size="sm">
            Services
          </AnchorLink>
          <Title order={2}>
            {s.key} {s.name}
          </Title>
          <Group gap="xs">
            <Badge color={STATUS_COLORS[s.status]} variant="light">
              {STATUS_LABELS[s.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              {CRITICALITY_LABELS[s.criticality]} criticality · owner {s.owner_id ? (names.get(s.owner_id) ?? "former member") : "none"}
            </Text>
          </Group>
        </div>
        {canWrite && (
          <Group>
            {NEXT[s.status].map((to) => (
              <Button key={to} size="xs" variant="light" loading={move.isPending} onClick={() => move.mutate({ path: { org: slug, service_id: s.id }, body: { to, note: to === "retired" ? "Retired from the catalogue." : "" } })}>
                Move to {STATUS_LABELS[to].toLowerCase()}
              </Button>
            ))}
            <Button size="xs" onClick={() => setEditing(true)}>
              Edit
            </Button>
          </Group>
        )}
      </Group>
      {s.description && <Text size="sm">{s.description}</Text>}
      <Card withBorder aria-label="Scope">
        <Title order={4}>Scope</Title>
        <Text size="sm">
          {s.in_scope ? "In the SMS scope" : `Outside the SMS scope: ${s.out_of_scope_reason}`} · {s.in_scope_statement ? "named in the scope statement" : "not named in the scope statement"}
        </Text>
      </Card>
      <Card withBorder aria-label="Customers">
        <Title order={4}>Customers</Title>
        <Text size="sm">{s.customers.map((c) => `${c.key} ${c.name} (${c.kind})`).join(", ") || "No customer recorded."}</Text>
      </Card>
      <Processes org={slug} service={s} canWrite={canWrite} />
      {/* Agreements and SLA targets, configuration items, continuity tests, reports and risks of the service: added by their registers. */}
      {editing && <EditModal org={slug} service={s} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
