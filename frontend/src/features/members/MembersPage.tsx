import { useState } from "react";
import { Alert, Badge, Button, Group, Modal, Select, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";

import { membersRemoveMember, membersUpdateMember } from "../../api/gen/sdk.gen";
import {
  activityListActivityQueryKey,
  meGetMeQueryKey,
  membersListMembersInfiniteOptions,
  membersListMembersQueryKey,
} from "../../api/gen/@tanstack/react-query.gen";
import type { MemberRead } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { useMe } from "../auth/useSession";
import { isRole, roleLabel, ROLE_OPTIONS } from "../orgs/roles";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { AddMemberModal } from "./AddMemberModal";

const PAGE_SIZE = 100;

export function MembersPage() {
  const { slug } = useCurrentOrg();
  const canManage = useCan()("members:manage");
  const me = useMe();
  const queryClient = useQueryClient();
  const [addOpened, addModal] = useDisclosure(false);
  const [removing, setRemoving] = useState<MemberRead | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const query = useInfiniteQuery({
    ...membersListMembersInfiniteOptions({ path: { org: slug }, query: { limit: PAGE_SIZE } }),
    // First page: no cursor (a null page param would be taken for a params object).
    initialPageParam: { path: { org: slug }, query: {} },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const members = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total;

  const refresh = async () => {
    // Partial key match: every members list and activity page of this org.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [{ _id: membersListMembersQueryKey({ path: { org: slug } })[0]._id }] }),
      queryClient.invalidateQueries({ queryKey: [{ _id: activityListActivityQueryKey({ path: { org: slug } })[0]._id }] }),
    ]);
  };

  const changeRole = async (member: MemberRead, role: string | null) => {
    if (!isRole(role) || role === member.role) return;
    setBusy(member.user_id);
    try {
      await membersUpdateMember({ path: { org: slug, user_id: member.user_id }, body: { role } });
      notifySuccess(`${member.full_name} is now ${roleLabel(role)}.`);
      if (member.user_id === me?.id) await queryClient.invalidateQueries({ queryKey: meGetMeQueryKey() });
    } catch (error) {
      notifyProblem(error, "Could not change the role");
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  const remove = async () => {
    if (!removing) return;
    const member = removing;
    setBusy(member.user_id);
    try {
      await membersRemoveMember({ path: { org: slug, user_id: member.user_id } });
      notifySuccess(`${member.full_name} was removed from the organisation.`);
      setRemoving(null);
    } catch (error) {
      notifyProblem(error, "Could not remove the member");
    } finally {
      setBusy(null);
      await refresh();
    }
  };

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
            Add member
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
                        disabled={busy === m.user_id}
                        size="xs"
                        w={170}
                        comboboxProps={{ withinPortal: true }}
                        onChange={(role) => void changeRole(m, role)}
                      />
                    ) : (
                      <Text size="sm">{roleLabel(m.role)}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(m.created_at.slice(0, 10))}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`Remove ${m.full_name}`}
                        disabled={busy === m.user_id}
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

      <AddMemberModal
        org={slug}
        opened={addOpened}
        onClose={addModal.close}
        onAdded={(member) => {
          addModal.close();
          notifySuccess(`${member.full_name} was added as ${roleLabel(member.role)}.`);
          void refresh();
        }}
      />

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove member" centered>
        <Stack gap="md">
          <Text size="sm">
            Remove <b>{removing?.full_name}</b> ({removing?.email}) from this organisation? They lose access to it
            immediately; their past activity stays in the log.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button color="red" loading={busy !== null && busy === removing?.user_id} onClick={() => void remove()}>
              Remove
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
