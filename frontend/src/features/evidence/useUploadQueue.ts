import { useEffect, useState, useSyncExternalStore } from "react";
import { MutationObserver, type QueryClient } from "@tanstack/react-query";

import { UploadQueue, type UploadItem, type UploadQueueOptions } from "./uploadQueue";

/**
 * An upload queue owned by a component; its items re-render it. Leaving the page does not stop
 * the uploads under way (following a finished file's link must not cancel the others): they
 * run to the end and report through the callbacks.
 */
export function useUploadQueue<M, R>(options: UploadQueueOptions<M, R>): { queue: UploadQueue<M, R>; items: readonly UploadItem<M, R>[] } {
  const [queue] = useState(() => new UploadQueue(options));
  // The callbacks close over the latest props; they are only called after an await.
  useEffect(() => queue.setOptions(options));
  const items = useSyncExternalStore(queue.subscribe, queue.snapshot);
  return { queue, items };
}

/**
 * Run one write as a TanStack Query mutation outside a hook, e.g. one per queued file (a
 * `useMutation` holds the state of one call only). It gets the client's mutation defaults
 * and is counted by `useIsMutating`.
 */
export function runMutation<R>(queryClient: QueryClient, mutationFn: () => Promise<R>): Promise<R> {
  return new MutationObserver<R, Error, void>(queryClient, { mutationFn }).mutate();
}
