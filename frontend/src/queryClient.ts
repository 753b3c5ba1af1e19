import { QueryClient } from "@tanstack/react-query";
import { toApiProblem } from "./lib/problem";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not change on retry; network and server errors may.
        retry: (failureCount, error) => {
          const status = toApiProblem(error).status;
          return (status === 0 || status >= 500) && failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
