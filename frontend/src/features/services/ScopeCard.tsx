import { useState } from "react";
import { Button, Card, Group, MultiSelect, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { servicesListServicesOptions, servicesReadScopeServicesOptions, servicesSetScopeServicesMutation } from "../../api/gen/@tanstack/react-query.gen";
import { invalidateOperations } from "../../api/invalidate";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { useCan } from "../orgs/useCan";
import { SERVICE_OPERATIONS } from "./labels";

/** The scope statement (4.3) and the catalogue services it names, by reference (RDY-02). */
export function ScopeCard({ org }: { org: string }) {
  const queryClient = useQueryClient();
  const canEdit = useCan()("org:update");
  const scope = useQuery(servicesReadScopeServicesOptions({ path: { org } }));
  const services = useQuery({ ...servicesListServicesOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  // the user's unsaved choice; null shows what the scope statement names now
  const [draft, setDraft] = useState<string[] | null>(null);
  const save = useMutation({
    ...servicesSetScopeServicesMutation(),
    onSuccess: async () => {
      notifySuccess("The scope statement's services are saved.");
      setDraft(null);
      await invalidateOperations(queryClient, SERVICE_OPERATIONS);
    },
    onError: (error) => notifyProblem(error, "Could not save the scope's services"),
  });
  const named = (scope.data?.services ?? []).map((s) => s.id);
  const selected = draft ?? named;
  const changed = named.length !== selected.length || named.some((id) => !selected.includes(id));
  return (
    <Card withBorder aria-label="Scope statement">
      <Stack gap="xs">
        <Title order={4}>Scope statement</Title>
        <Text size="sm" c={scope.data?.sms_scope ? undefined : "dimmed"}>
          {scope.data?.sms_scope || "No scope text yet (Settings)."}
        </Text>
        <MultiSelect
          label="Services the scope names"
          data={(services.data ?? []).map((s) => ({ value: s.id, label: `${s.key} ${s.name}` }))}
          value={selected}
          onChange={setDraft}
          readOnly={!canEdit}
          searchable
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={!changed || !scope.data}
              loading={save.isPending}
              onClick={() => save.mutate({ path: { org }, headers: { "If-Match": `"${scope.data?.version ?? 0}"` }, body: { service_ids: selected } })}
            >
              Save scope services
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
