import { useState } from "react";
import { Button, Group, Modal, Select, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { customersCreateCustomerMutation, customersListCustomersOptions, customersUpdateCustomerMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { CustomerKind, CustomerRead } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { KIND_LABELS, SERVICE_OPERATIONS } from "./labels";

function CustomerModal({ org, customer, onClose }: { org: string; customer: CustomerRead | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { name: customer?.name ?? "", kind: (customer?.kind ?? "internal") as CustomerKind, contact: customer?.contact ?? "" },
    validate: { name: (v) => (v.trim() ? null : "Give the customer's name") },
  });
  const done = async () => {
    notifySuccess(customer ? `${customer.key} saved.` : "Customer added.");
    await invalidateOperations(queryClient, SERVICE_OPERATIONS);
    onClose();
  };
  const create = useMutation({ ...customersCreateCustomerMutation(), onSuccess: done, onError: (error) => handleFormError(form, error, { title: "Could not add the customer" }) });
  const update = useMutation({ ...customersUpdateCustomerMutation(), onSuccess: done, onError: (error) => handleFormError(form, error, { title: "Could not save the customer" }) });
  const submit = form.onSubmit((v) => {
    const body = { ...v, name: v.name.trim(), contact: v.contact.trim() };
    if (customer) update.mutate({ path: { org, customer_id: customer.id }, headers: { "If-Match": `"${customer.version}"` }, body });
    else create.mutate({ path: { org }, body });
  });
  return (
    <Modal opened onClose={onClose} title={customer ? `Edit ${customer.key}` : "New customer"} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
          <Select
            label="Kind"
            allowDeselect={false}
            data={(Object.keys(KIND_LABELS) as CustomerKind[]).map((value) => ({ value, label: KIND_LABELS[value] }))}
            {...form.getInputProps("kind")}
          />
          <TextInput label="Contact" {...form.getInputProps("contact")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The customers the services are delivered to, internal or external. */
export function CustomersPage() {
  const { slug } = useCurrentOrg();
  const canWrite = useCan()("services:write");
  const [editing, setEditing] = useState<CustomerRead | null | undefined>(undefined);
  const query = useQuery(customersListCustomersOptions({ path: { org: slug }, query: { limit: 500 } }));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <AnchorLink to="/orgs/$org/services" params={{ org: slug }} size="sm">
            Services
          </AnchorLink>
          <Title order={2}>Customers</Title>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
            New customer
          </Button>
        )}
      </Group>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={160} />}
      {query.data && query.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No customers yet.
        </Text>
      )}
      {query.data && query.data.items.length > 0 && (
        <Table striped aria-label="Customers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Services</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.key} {c.name}
                </Table.Td>
                <Table.Td>{KIND_LABELS[c.kind]}</Table.Td>
                <Table.Td>{c.contact || "—"}</Table.Td>
                <Table.Td>{c.service_count}</Table.Td>
                <Table.Td>
                  {canWrite && (
                    <Button size="xs" variant="light" onClick={() => setEditing(c)} aria-label={`Edit ${c.key}`}>
                      Edit
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && <CustomerModal org={slug} customer={editing} onClose={() => setEditing(undefined)} />}
    </Stack>
  );
}
