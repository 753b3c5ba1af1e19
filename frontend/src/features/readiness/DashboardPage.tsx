import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";

import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { daysUntil, formatDate } from "../../lib/format";
import { roleLabel } from "../orgs/roles";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { useOrg } from "../orgs/useOrg";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text mt={4} fw={500}>
        {children}
      </Text>
    </Card>
  );
}

/** Organisation overview; the readiness verdict (Stage 1 / Stage 2) joins here later. */
export function DashboardPage() {
  const { slug, role, membership } = useCurrentOrg();
  const query = useOrg(slug);
  const org = query.data?.org;
  const days = org?.target_certification_date ? daysUntil(org.target_certification_date) : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" c="dimmed">
            Dashboard
          </Text>
          <Title order={1} size="h2">
            {org?.name ?? membership?.org_name ?? slug}
          </Title>
        </div>
        {role && <Badge variant="light">{roleLabel(role)}</Badge>}
      </Group>

      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={120} />}
      {org && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Fact label="Target certification date">
              {formatDate(org.target_certification_date)}
              {days !== null && (
                <Text span size="sm" c={days < 0 ? "red" : "dimmed"} ml={6}>
                  ({days >= 0 ? `in ${days} days` : `${-days} days ago`})
                </Text>
              )}
            </Fact>
            <Fact label="Certification body">{org.certification_body || "—"}</Fact>
            <Fact label="Readiness">Coming soon</Fact>
          </SimpleGrid>
          <Card withBorder padding="md">
            <Text size="xs" tt="uppercase" fw={600} c="dimmed">
              SMS scope
            </Text>
            {org.sms_scope ? (
              <Text mt={4} style={{ whiteSpace: "pre-wrap" }}>
                {org.sms_scope}
              </Text>
            ) : (
              <Text mt={4} c="dimmed">
                No scope statement yet.{" "}
                <AnchorLink to="/orgs/$org/settings" params={{ org: slug }}>
                  Describe the SMS scope
                </AnchorLink>
              </Text>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
