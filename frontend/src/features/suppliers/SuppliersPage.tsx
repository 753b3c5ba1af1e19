import { useState } from "react";
import { Badge, Button, Card, Group, Modal, Select, Stack, Switch, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  suppliersCreateStatementMutation,
  suppliersCreateSupplierMutation,
  suppliersListStatementsOptions,
  suppliersListSuppliersOptions,
  suppliersMoveStatementMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { StatementRead, SupplierKind } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { AnchorLink, ButtonLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { memberNames, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { KIND_LABELS, KIND_OPTIONS } from "./labels";

// Supplier kinds whose absence is stated and approved (RDY-13).
const STATED: SupplierKind[] = ["internal", "customer_as_supplier"];

function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  return invalidateOperations(queryClient, ["suppliersListSuppliers", "suppliersGetSupplier", "suppliersListStatements", "activityListActivity"]);
}

function CreateSupplier({ org, onClose }: { org: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org);
  const form = useForm({ initialValues: { name: "", kind: "external" as SupplierKind, contact: "", owner_id: "", in_scope: true } });
  const create = useMutation({ ...suppliersCreateSupplierMutation() });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { path: { org }, body: { ...values, owner_id: values.owner_id || null } },
      {
        onSuccess: async (s) => {
          notifySuccess(`${s.key} ${s.name} recorded`);
          await refresh(queryClient);
          onClose();
        },
        onError: (error) => handleFormError(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label="Name" required {...form.getInputProps("name")} />
        <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps("kind")} />
        <TextInput label="Contact" {...form.getInputProps("contact")} />
        <Select label="Internal owner" data={owners} placeholder="You" clearable {...form.getInputProps("owner_id")} />
        <Switch label="In scope of the SMS" {...form.getInputProps("in_scope", { type: "checkbox" })} />
        <Button type="submit" loading={create.isPending}>
          Record supplier
        </Button>
      </Stack>
    </form>
  );
}

function StatementRow({ org, kind, statement, canWrite }: { org: string; kind: SupplierKind; statement?: StatementRead; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const create = useMutation({ ...suppliersCreateStatementMutation() });
  const move = useMutation({ ...suppliersMoveStatementMutation() });
  const onError = (error: unknown) => notifyProblem(error);
  if (!statement)
    return (
      <Stack gap="xs">
        <Text size="sm">No statement that no {KIND_LABELS[kind].toLowerCase()} exists.</Text>
        {canWrite && (
          <Group align="flex-end">
            <Textarea aria-label={`Statement: no ${KIND_LABELS[kind]}`} placeholder="We have none because…" value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} autosize />
            <Button
              size="xs"
              loading={create.isPending}
              disabled={!text.trim()}
              onClick={() => create.mutate({ path: { org }, body: { category: kind, statement: text } }, { onSuccess: () => refresh(queryClient), onError })}
            >
              Draft statement
            </Button>
          </Group>
        )}
      </Stack>
    );
  const approved = statement.status === "approved";
  return (
    <Group justify="space-between" wrap="nowrap">
      <Stack gap={2}>
        <Text size="sm">{statement.statement}</Text>
        <Text size="xs" c="dimmed">
          {approved ? `Approved ${formatDate(statement.approved_on)}` : "Draft: approve it to satisfy RDY-13"}
        </Text>
      </Stack>
      {canWrite && (
        <Button
          size="xs"
          variant={approved ? "default" : "filled"}
          loading={move.isPending}
          onClick={() =>
            move.mutate(
              { path: { org, statement_id: statement.id }, body: { to: approved ? "draft" : "approved" } },
              { onSuccess: () => refresh(queryClient), onError },
            )
          }
        >
          {approved ? "Withdraw" : "Approve"}
        </Button>
      )}
    </Group>
  );
}

export function SuppliersPage() {
  const { slug: org } = useCurrentOrg();
  const can = useCan();
  const canWrite = can("suppliers:write");
  const [creating, setCreating] = useState(false);
  const suppliers = useQuery(suppliersListSuppliersOptions({ path: { org }, query: { limit: 500 } }));
  const statements = useQuery(suppliersListStatementsOptions({ path: { org } }));
  const names = memberNames(useMembers(org).data);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Suppliers</Title>
        <Group>
          <ButtonLink to="/orgs/$org/agreements" params={{ org }} variant="default">
            Agreements
          </ButtonLink>
          {canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New supplier
            </Button>
          )}
        </Group>
      </Group>
      {suppliers.error && <QueryErrorAlert error={suppliers.error} />}
      <Table striped aria-label="Suppliers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(suppliers.data?.items ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <AnchorLink to="/orgs/$org/suppliers/$supplierId" params={{ org, supplierId: s.id }}>
                  {s.key}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{KIND_LABELS[s.kind]}</Table.Td>
              <Table.Td>{s.owner_id ? names.get(s.owner_id) : "—"}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={s.status === "active" ? "teal" : "gray"}>{s.status}</Badge>
                  {!s.in_scope && <Badge color="gray">out of scope</Badge>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {suppliers.data?.items.length === 0 && <Text c="dimmed">No supplier recorded yet.</Text>}
      <Card withBorder>
        <Title order={4} mb="sm">
          “None exist” statements
        </Title>
        <Stack>
          {STATED.map((kind) => (
            <Stack key={kind} gap={4}>
              <Text fw={500}>{KIND_LABELS[kind]}s</Text>
              <StatementRow org={org} kind={kind} statement={statements.data?.items.find((s) => s.category === kind)} canWrite={canWrite} />
            </Stack>
          ))}
        </Stack>
      </Card>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New supplier">
        <CreateSupplier org={org} onClose={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}
