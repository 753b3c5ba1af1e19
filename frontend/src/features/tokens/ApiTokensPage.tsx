import { useState } from "react";
import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Modal, NumberInput, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { tokensCreateTokenMutation, tokensListTokensOptions, tokensRevokeTokenMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { ApiTokenCreated, ApiTokenRead, TokenScope } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDateTime } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { type ApiProblem, toApiProblem } from "../../lib/problem";
import { memberNames, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { SCOPE_LABELS, SCOPES, tokenState } from "./scopes";

const TOKEN_OPERATIONS = ["tokensListTokens"];

/** The secret of a token just created: shown once, with how to use it. */
function CreatedToken({ token, onClose }: { token: ApiTokenCreated | null; onClose: () => void }) {
  return (
    <Modal opened={token !== null} onClose={onClose} title={token ? `Token “${token.name}” created` : "Token created"} size="lg">
      {token && (
        <Stack gap="sm">
          <Alert color="yellow" role="status" title="Copy it now">
            This is the only time the secret is shown: Certready keeps only its hash.
          </Alert>
          <Group gap="xs" wrap="nowrap">
            <Code aria-label="Token secret" style={{ wordBreak: "break-all" }}>
              {token.secret}
            </Code>
            <CopyButton value={token.secret}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" onClick={copy}>
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">
            Send it as <Code>Authorization: Bearer {token.hint}…</Code>, or set <Code>CERTREADY_TOKEN</Code> for the <Code>certready</Code> CLI. It expires on{" "}
            {formatDateTime(token.expires_at)}.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function CreateForm({ org, onCreated }: { org: string; onCreated: (token: ApiTokenCreated) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["evidence:write"]);
  const [days, setDays] = useState<number | string>(90);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const create = useMutation({
    ...tokensCreateTokenMutation(),
    onSuccess: (token) => {
      setProblem(null);
      setName("");
      onCreated(token);
    },
    onError: (error) => setProblem(toApiProblem(error)),
    onSettled: () => invalidateOperations(queryClient, TOKEN_OPERATIONS),
  });
  const validDays = typeof days === "number" && days >= 1 && days <= 365;
  return (
    <form
      aria-label="New API token"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ path: { org }, body: { name: name.trim(), scopes, expires_in_days: Number(days) } });
      }}
    >
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Name" description="What uses it, e.g. “CI evidence upload”" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} required w={280} />
          <NumberInput label="Expires after (days)" value={days} onChange={setDays} min={1} max={365} allowDecimal={false} w={180} />
        </Group>
        <Checkbox.Group label="Scopes" description="On top of your own role: a token never does more than you may." value={scopes} onChange={(v) => setScopes(v as TokenScope[])}>
          <Group mt={4}>
            {SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={SCOPE_LABELS[s]} />
            ))}
          </Group>
        </Checkbox.Group>
        {problem && <ProblemAlert problem={problem} onClose={() => setProblem(null)} />}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0 || !validDays}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenRow({ org, token, createdBy }: { org: string; token: ApiTokenRead; createdBy: string }) {
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const revoke = useMutation({
    ...tokensRevokeTokenMutation(),
    onSuccess: () => {
      setConfirm(false);
      notifySuccess(`Token “${token.name}” revoked: it stopped working.`);
    },
    onError: (error) => notifyProblem(error, "Could not revoke the token"),
    onSettled: () => invalidateOperations(queryClient, TOKEN_OPERATIONS),
  });
  const state = tokenState(token);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
        <Code>{token.hint}…</Code>
      </Table.Td>
      <Table.Td>{SCOPES.filter((s) => token.scopes.includes(s)).map((s) => SCOPE_LABELS[s]).join(", ")}</Table.Td>
      <Table.Td>{createdBy}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(token.created_at)}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{token.last_used_at ? formatDateTime(token.last_used_at) : "never"}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(token.expires_at)}</Table.Td>
      <Table.Td>
        <Badge color={state === "active" ? "teal" : "gray"} variant="light" style={{ overflow: "visible" }}>
          {state}
        </Badge>
      </Table.Td>
      <Table.Td>
        {state === "active" && (
          <Button size="compact-xs" color="red" variant="light" onClick={() => setConfirm(true)} aria-label={`Revoke ${token.name}`}>
            Revoke
          </Button>
        )}
        <Modal opened={confirm} onClose={() => setConfirm(false)} title={`Revoke “${token.name}”?`}>
          <Stack gap="sm">
            <Text size="sm">Whatever uses it stops working at once. This cannot be undone; create a new token instead.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(false)}>
                Cancel
              </Button>
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate({ path: { org, token_id: token.id } })}>
                Revoke
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}

/** The organisation's API tokens, for scripts and CI jobs: create (secret shown once), see last use, revoke. */
export function ApiTokensPage() {
  const { slug: org } = useCurrentOrg();
  const can = useCan();
  const allowed = can("tokens:manage");
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const query = useQuery({ ...tokensListTokensOptions({ path: { org }, query: { limit: 200 } }), enabled: allowed });
  const names = memberNames(useMembers(org).data);
  return (
    <Stack gap="lg">
      <Title order={2}>API tokens</Title>
      <Text size="sm" c="dimmed">
        Tokens let scripts, CI jobs and the <Code>certready</Code> CLI call the API for this organisation without a password. Each acts with its creator’s role, limited to its
        scopes.
      </Text>
      {!allowed && (
        <Alert color="gray" role="status" title="Administrators only">
          Your role does not manage this organisation’s API tokens.
        </Alert>
      )}
      {allowed && <CreateForm org={org} onCreated={setCreated} />}
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {allowed && query.isPending && <Skeleton h={120} />}
      {query.data && query.data.items.length > 0 && (
        <Table aria-label="API tokens" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Created by</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((t) => (
              <TokenRow key={t.id} org={org} token={t} createdBy={names.get(t.created_by) ?? "a former member"} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {query.data && query.data.items.length === 0 && <Text c="dimmed">No API token yet.</Text>}
      <CreatedToken token={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
