import { EmptyState, Stack, Title } from "@mantine/core";
import { IconHourglassEmpty } from "@tabler/icons-react";

/** Placeholder for a section whose feature is not built yet. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap="lg">
      <Title order={2}>{title}</Title>
      <EmptyState
        withIndicatorBackground
        icon={<IconHourglassEmpty size={28} stroke={1.5} />}
        title="Coming soon"
        description={description}
        py="xl"
      />
    </Stack>
  );
}
