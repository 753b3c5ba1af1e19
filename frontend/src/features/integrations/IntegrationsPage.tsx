import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  integrationsCreateIntegrationMutation,
  integrationsListDeliveriesOptions,
  integrationsListIntegrationsOptions,
  integrationsRetryDeliveryMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { IntegrationRead, IntegrationSecret, SourceType } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDateTime } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { type ApiProblem, toApiProblem } from "../../lib/problem";
import { ITSM_OPERATIONS } from "../itsm/labels";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { MappingEditor } from "./MappingEditor";
import { SETUP, SOURCE_OPTIONS } from "./setup";

function Copyable({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code aria-label={label} style={{ wordBreak: "break-all" }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="subtle" onClick={copy}>
              {copied ? "Copied" : "Copy"}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function Setup({ source }: { source: SourceType }) {
  return (
    <List size="sm" spacing={4}>
      {SETUP[source].map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}

function Deliveries({ slug, integration }: { slug: string; integration: IntegrationRead }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const retry = useMutation({ ...integrationsRetryDeliveryMutation() });
  const mapAgain = (deliveryId: string) =>
    retry.mutate(
      { path: { org: slug, integration_id: integration.id, delivery_id: deliveryId } },
      {
        onSuccess: (d) => {
          setProblem(null);
          if (d.mapping_state === "error") notifyProblem(new Error(d.mapping_error ?? "Still cannot be mapped"), "Mapped again: still an error");
          else notifySuccess("Delivery mapped again with the current rules.");
        },
        onError: (e) => setProblem(toApiProblem(e)),
        onSettled: () => invalidateOperations(queryClient, ITSM_OPERATIONS),
      },
    );
  const query = useQuery(
    integrationsListDeliveriesOptions({
      path: { org: slug, integration_id: integration.id },
      query: { limit: 50 },
    }),
  );
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton h={120} />;
  return (
    <Stack gap="xs">
      <Title order={4}>Deliveries of {integration.name}</Title>
      <Setup source={integration.source} />
      {problem && <ProblemAlert problem={problem} title={problem.status === 409 ? "This delivery cannot be mapped again" : undefined} onClose={() => setProblem(null)} />}
      <Table aria-label={`Deliveries of ${integration.name}`} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th>Verified by</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Mapping</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDateTime(d.received_at)}</Table.Td>
              <Table.Td>{d.verification}</Table.Td>
              <Table.Td>{d.event ?? ""}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} c={d.mapping_state === "error" ? "red" : d.mapping_state === "stale" ? "dimmed" : "teal"}>
                  {d.mapping_state}
                </Text>
                {d.mapping_error && (
                  <Text size="xs" c="red">
                    {d.mapping_error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.mapping_state === "error" && (
                  <Button size="compact-xs" variant="light" loading={retry.isPending && retry.variables?.path.delivery_id === d.id} onClick={() => mapAgain(d.id)}>
                    Map again
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {query.data.items.length === 0 && <Text size="sm">No delivery yet.</Text>}
    </Stack>
  );
}

export function IntegrationsPage() {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [source, setSource] = useState<SourceType>("jira");
  const [created, setCreated] = useState<IntegrationSecret | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const query = useQuery(integrationsListIntegrationsOptions({ path: { org: slug }, query: { limit: 100 } }));
  const create = useMutation({
    ...integrationsCreateIntegrationMutation(),
    onSuccess: (integration) => {
      setCreated(integration);
      setName("");
    },
    onError: (error) => notifyProblem(error, "Could not create the integration"),
    onSettled: () => invalidateOperations(queryClient, ["integrationsListIntegrations"]),
  });
  const selected = query.data?.items.find((i) => i.id === selectedId) ?? null;
  const forbidden = query.isError && toApiProblem(query.error).status === 403;
  const url = (path: string) => `${window.location.origin}${path}`;

  return (
    <Stack gap="lg">
      <Title order={2}>Integrations</Title>
      {forbidden && (
        <Alert color="gray" role="status" title="Administrators only">
          Only administrators of this organisation manage its ITSM integrations.
        </Alert>
      )}
      {query.isError && !forbidden && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {!forbidden && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ path: { org: slug }, body: { name, source } });
          }}
        >
          <Group align="flex-end">
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <Select
              label="Tool"
              data={SOURCE_OPTIONS}
              value={source}
              allowDeselect={false}
              onChange={(v) => v && setSource(v as SourceType)}
            />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create integration
            </Button>
          </Group>
        </form>
      )}
      {query.isPending && <Skeleton h={120} />}
      {query.data && (
        <Table aria-label="Integrations" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Tool</Table.Th>
              <Table.Th>Deliveries</Table.Th>
              <Table.Th>Mapping errors</Table.Th>
              <Table.Th>Rejected</Table.Th>
              <Table.Th>Last delivery</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((i) => (
              <Table.Tr key={i.id} onClick={() => setSelectedId(i.id)} style={{ cursor: "pointer" }} aria-selected={i.id === selectedId} bg={i.id === selectedId ? "var(--mantine-primary-color-light)" : undefined}>
                <Table.Td>
                  {i.name} {!i.enabled && <Badge color="gray">disabled</Badge>}
                </Table.Td>
                <Table.Td>{i.source}</Table.Td>
                <Table.Td>{i.delivery_count}</Table.Td>
                <Table.Td>{i.mapping_error_count}</Table.Td>
                <Table.Td>{i.rejected_count}</Table.Td>
                <Table.Td>{i.last_delivery_at ? formatDateTime(i.last_delivery_at) : "never"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected && <MappingEditor key={selected.id} org={slug} integration={selected} />}
      {selected && <Deliveries slug={slug} integration={selected} />}
      <Modal opened={created !== null} onClose={() => setCreated(null)} title="Integration created" size="lg">
        {created && (
          <Stack>
            <Alert color="yellow" title="Copy the secret now">
              The secret is shown this once. Rotate it if it is lost.
            </Alert>
            <Copyable label="Receiver URL" value={url(created.receiver_path)} />
            <Copyable label="Secret" value={created.secret} />
            <Setup source={created.source} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
