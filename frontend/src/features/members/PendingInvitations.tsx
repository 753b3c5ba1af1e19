import { Button, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  membersListInvitationsOptions,
  membersRevokeInvitationMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import { invalidateOperations } from "../../api/invalidate";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { roleLabel } from "../orgs/roles";

/** Open invitations of the organisation (admins only), each with a revoke button. */
export function PendingInvitations({ org }: { org: string }) {
  const queryClient = useQueryClient();
  const query = useQuery(membersListInvitationsOptions({ path: { org }, query: { limit: 100 } }));
  const revoke = useMutation({
    ...membersRevokeInvitationMutation(),
    onSuccess: () => notifySuccess("The invitation was withdrawn; its link no longer works."),
    onError: (error) => notifyProblem(error, "Could not withdraw the invitation"),
    onSettled: () => invalidateOperations(queryClient, ["membersListInvitations", "activityListActivity"]),
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Pending invitations
      </Title>
      <Table verticalSpacing="xs" aria-label="Pending invitations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Text size="sm">{i.email}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{roleLabel(i.role)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(i.expires_at.slice(0, 10))}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  aria-label={`Revoke invitation of ${i.email}`}
                  loading={revoke.isPending && revoke.variables.path.invitation_id === i.id}
                  onClick={() => revoke.mutate({ path: { org, invitation_id: i.id } })}
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
