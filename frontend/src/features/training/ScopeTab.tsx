import { Button, List, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  readinessGetPeopleInScopeOptions,
  trainingCreateTrainingPersonMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { PersonInScopeRead } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";

/** Operations whose data the "in scope" list is computed from. */
const SCOPE_SOURCES = [
  "readinessGetPeopleInScope",
  "readinessGetReadiness",
  "trainingListTrainingPeople",
  "trainingGetTrainingMatrix",
  "activityListActivity",
] as const;

function AwarenessCell({ person, months }: { person: PersonInScopeRead; months: number }) {
  if (person.awareness_completed_on) return <Text size="sm">{formatDate(person.awareness_completed_on)}</Text>;
  return (
    <Text size="sm" c="red.8" fw={500} title={`No awareness completion in the last ${months} months`}>
      none current
    </Text>
  );
}

function CompetenceCell({ person }: { person: PersonInScopeRead }) {
  if (person.competence_gaps.length === 0) {
    return (
      <Text size="sm" c={person.role_keys.length ? "teal.8" : "dimmed"}>
        {person.role_keys.length ? "competent" : "no SMS role"}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={0}>
      {person.competence_gaps.map((gap) => (
        <List.Item key={gap}>{gap}</List.Item>
      ))}
    </List>
  );
}

/** Who RDY-15 and RDY-16 count (iso20000.md 6.6), why, and where each person stands; computed
 * from memberships, ownerships and the register by the same facts as the verdict. */
export function ScopeTab({ org, canWrite }: { org: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const scope = useQuery(readinessGetPeopleInScopeOptions({ path: { org } }));
  const register = useMutation({
    ...trainingCreateTrainingPersonMutation(),
    onSuccess: async (data) => {
      notifySuccess(`${data.full_name} added to the training register.`);
      await invalidateOperations(queryClient, SCOPE_SOURCES);
    },
    onError: (error) => notifyProblem(error, "Could not add the person to the register"),
  });
  if (scope.isPending) return <Skeleton h={160} />;
  if (scope.isError) return <QueryErrorAlert error={scope.error} />;
  const { items, total, aware, competent, awareness_months: months } = scope.data;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {total} {total === 1 ? "person is" : "people are"} in scope: every member holding an SMS role, every owner of a
        requirement, objective, corrective measure or action, and the people the register adds. {aware} of {total} have
        current awareness training (within {months} months); {competent} of {total} meet their roles' competence.
      </Text>
      <Table verticalSpacing={4} aria-label="Who is in scope and why">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Why in scope</Table.Th>
            <Table.Th>Register</Table.Th>
            <Table.Th>Awareness</Table.Th>
            <Table.Th>Competence</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>
                <List size="sm" spacing={0}>
                  {p.reasons.map((why) => (
                    <List.Item key={why}>{why}</List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td>
                {p.registered ? (
                  <Text size="sm">yes</Text>
                ) : (
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" c="orange.8" fw={500}>
                      not yet
                    </Text>
                    {canWrite && p.user_id && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={`Add ${p.name} to the register`}
                        loading={register.isPending && register.variables?.body.user_id === p.user_id}
                        onClick={() => register.mutate({ path: { org }, body: { user_id: p.user_id } })}
                      >
                        Add to register
                      </Button>
                    )}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <AwarenessCell person={p} months={months} />
              </Table.Td>
              <Table.Td>
                <CompetenceCell person={p} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
