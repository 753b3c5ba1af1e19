import { useState } from "react";
import { Alert, Badge, Button, Group, Modal, Select, Skeleton, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import {
  meGetMeQueryKey,
  membersListMembersInfiniteOptions,
  membersRemoveMemberMutation,
  membersResetMemberMfaMutation,
  membersUpdateMemberMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import { invalidateOperations } from "../../api/invalidate";
import type { MemberRead } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { useMe } from "../auth/useSession";
import { isRole, roleLabel, ROLE_OPTIONS } from "../orgs/roles";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { InviteMemberModal } from "./InviteMemberModal";
import { PendingInvitations } from "./PendingInvitations";

const PAGE_SIZE = 100;

export function MembersPage() {
  const { slug } = useCurrentOrg();
  const canManage = useCan()("members:manage");
  const me = useMe();
  const queryClient = useQueryClient();
  const [addOpened, addModal] = useDisclosure(false);
  const [removing, setRemoving] = useState<MemberRead | null>(null);
  const [resetting, setResetting] = useState<MemberRead | null>(null);

  const query = useInfiniteQuery({
    ...membersListMembersInfiniteOptions({ path: { org: slug }, query: { limit: PAGE_SIZE } }),
    // First page: no cursor (a null page param would be taken for a params object).
    initialPageParam: { path: { org: slug }, query: {} },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const members = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total;

  // Every members list (any filter, e.g. the owner pickers) and the activity log.
  const refresh = () => invalidateOperations(queryClient, ["membersListMembers", "activityListActivity"]);

  const update = useMutation({
    ...membersUpdateMemberMutation(),
    onSuccess: async (member) => {
      notifySuccess(`${member.full_name} is now ${roleLabel(member.role)}.`);
      // My own role changed: what I may do changed with it.
      if (member.user_id === me?.id) await queryClient.invalidateQueries({ queryKey: meGetMeQueryKey() });
    },
    onError: (error) => notifyProblem(error, "Could not change the role"),
    onSettled: () => refresh(),
  });
  // The top management designation (approves the policy, chairs the management review):
  // sent with the member's version as If-Match; a 412 means someone else changed it.
  const designation = useMutation({
    ...membersUpdateMemberMutation(),
    onSuccess: (member) =>
      notifySuccess(
        member.top_management
          ? `${member.full_name} is designated top management.`
          : `${member.full_name} is no longer designated top management.`,
      ),
    onError: (error) => notifyProblem(error, "Could not change the top management designation"),
    onSettled: () => refresh(),
  });
  const designate = (member: MemberRead, on: boolean) =>
    designation.mutate({
      path: { org: slug, user_id: member.user_id },
      headers: { "if-match": `"${member.version}"` },
      body: { top_management: on },
    });
  const removal = useMutation({
    ...membersRemoveMemberMutation(),
    onSuccess: (_data, { path: { user_id } }) => {
      const name = members.find((m) => m.user_id === user_id)?.full_name ?? "The member";
      notifySuccess(`${name} was removed from the organisation.`);
      setRemoving(null);
    },
    onError: (error) => notifyProblem(error, "Could not remove the member"),
    onSettled: () => refresh(),
  });
  // An admin removes a member's second factor (lost phone): logged, their sessions end.
  const mfaReset = useMutation({
    ...membersResetMemberMfaMutation(),
    onSuccess: () => {
      notifySuccess(`${resetting?.full_name ?? "The member"}'s second factor was reset; they set it up again.`);
      setResetting(null);
    },
    onError: (error) => notifyProblem(error, "Could not reset the second factor"),
    onSettled: () => refresh(),
  });
  const pendingUser = update.isPending
    ? update.variables.path.user_id
    : removal.isPending
      ? removal.variables.path.user_id
      : designation.isPending
        ? designation.variables.path.user_id
        : null;

  const changeRole = (member: MemberRead, role: string | null) => {
    if (!isRole(role) || role === member.role) return;
    update.mutate({ path: { org: slug, user_id: member.user_id }, body: { role } });
  };
  const remove = () => removing && removal.mutate({ path: { org: slug, user_id: removing.user_id } });

  const forbidden = query.isError && toApiProblem(query.error).status === 403;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Members</Title>
          {total !== undefined && (
            <Text size="sm" c="dimmed">
              {total} {total === 1 ? "member" : "members"}
            </Text>
          )}
        </div>
        {canManage && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={addModal.open}>
            Invite member
          </Button>
        )}
      </Group>

      {forbidden && (
        <Alert color="gray" role="status" title="Administrators only">
          Only administrators of this organisation can see and manage its members.
        </Alert>
      )}
      {query.isError && !forbidden && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={200} />}

      {query.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Top management</Table.Th>
                <Table.Th>Two-factor</Table.Th>
                <Table.Th>Member since</Table.Th>
                {canManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.user_id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        {m.full_name}
                      </Text>
                      {m.user_id === me?.id && (
                        <Badge size="xs" variant="light">
                          you
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <Select
                        aria-label={`Role of ${m.full_name}`}
                        data={ROLE_OPTIONS}
                        value={m.role}
                        allowDeselect={false}
                        disabled={pendingUser === m.user_id}
                        size="xs"
                        w={170}
                        comboboxProps={{ withinPortal: true }}
                        onChange={(role) => changeRole(m, role)}
                      />
                    ) : (
                      <Text size="sm">{roleLabel(m.role)}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <Switch
                        aria-label={`Top management: ${m.full_name}`}
                        checked={m.top_management}
                        disabled={pendingUser === m.user_id}
                        onChange={(event) => designate(m, event.currentTarget.checked)}
                      />
                    ) : (
                      m.top_management && (
                        <Badge size="sm" variant="light">
                          Top management
                        </Badge>
                      )
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.mfa_enabled ? (
                      <Badge color="green" variant="light">
                        On
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        Off
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(m.created_at.slice(0, 10))}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      {m.mfa_enabled && (
                        <Button
                          variant="subtle"
                          size="xs"
                          aria-label={`Reset two-factor of ${m.full_name}`}
                          disabled={mfaReset.isPending}
                          onClick={() => setResetting(m)}
                        >
                          Reset two-factor
                        </Button>
                      )}
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`Remove ${m.full_name}`}
                        disabled={pendingUser === m.user_id}
                        onClick={() => setRemoving(m)}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Button variant="default" w="fit-content" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          Load more
        </Button>
      )}

      {canManage && <PendingInvitations org={slug} />}

      <InviteMemberModal
        org={slug}
        opened={addOpened}
        onClose={addModal.close}
        onInvited={() => void invalidateOperations(queryClient, ["membersListInvitations", "activityListActivity"])}
      />

      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title="Reset two-factor sign-in" centered>
        <Stack gap="md">
          <Text size="sm">
            Remove the authenticator app and recovery codes of <b>{resetting?.full_name}</b> ({resetting?.email})? Their
            sessions end now; they set up a new app (at their next sign-in if an organisation requires it). The reset is
            recorded in the activity log.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setResetting(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={mfaReset.isPending}
              onClick={() => resetting && mfaReset.mutate({ path: { org: slug, user_id: resetting.user_id } })}
            >
              Reset
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove member" centered>
        <Stack gap="md">
          <Text size="sm">
            Remove <b>{removing?.full_name}</b> ({removing?.email}) from this organisation? They lose access to it
            immediately; their other organisations and sessions there are not affected, and their past activity stays in
            the log.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button color="red" loading={pendingUser !== null && pendingUser === removing?.user_id} onClick={remove}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
