import { Alert, Button, Center, Container, Loader, Stack, Text, Title } from "@mantine/core";
import { Link, type ErrorComponentProps } from "@tanstack/react-router";
import { toApiProblem } from "../lib/problem";

export function PendingPage() {
  return (
    <Center h="60vh" aria-busy="true">
      <Loader aria-label="Loading" />
    </Center>
  );
}

export function NotFoundPage() {
  return (
    <Container size="sm" py="xl">
      <Stack align="center" gap="md">
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">The page does not exist, or you do not have access to it.</Text>
        <Button component={Link} to="/">
          Go to start page
        </Button>
      </Stack>
    </Container>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const problem = toApiProblem(error);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={problem.title} role="alert">
        <Stack gap="sm">
          <Text size="sm">{problem.detail ?? "The page could not be loaded."}</Text>
          <Button variant="light" color="red" onClick={reset} w="fit-content">
            Try again
          </Button>
        </Stack>
      </Alert>
    </Container>
  );
}

/** Inline error for a failed query inside a page. */
export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem = toApiProblem(error);
  return (
    <Alert color="red" title={problem.title} role="alert">
      <Stack gap="xs">
        <Text size="sm">{problem.detail ?? "The data could not be loaded."}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry} w="fit-content">
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
