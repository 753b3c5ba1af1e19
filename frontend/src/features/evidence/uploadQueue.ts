/**
 * A queue of file uploads with a status and progress per file.
 *
 * Files are added as `ready` (their metadata, e.g. the title, still editable), `start()`
 * freezes them as `queued`, and at most `concurrency` of them are `uploading` at a time;
 * each ends `done` (with the server's answer) or `failed` (with the problem), and a failed
 * one can be retried. The queue knows nothing of React or HTTP: the uploader is passed in,
 * and `subscribe`/`snapshot` fit `useSyncExternalStore`.
 */
import { toApiProblem, type ApiProblem } from "../../lib/problem";

export type UploadStatus = "ready" | "queued" | "uploading" | "done" | "failed";

export interface UploadItem<M, R> {
  readonly id: string;
  readonly file: File;
  /** What is sent with the file; editable while `ready`, frozen from `queued` on. */
  readonly meta: M;
  readonly status: UploadStatus;
  /** 0..100, meaningful while `uploading` (100 once `done`). */
  readonly percent: number;
  readonly problem: ApiProblem | null;
  readonly result: R | null;
  /**
   * One key per file, reused by its retries: if an attempt reached the server but its answer
   * was lost, the retry gets the first result instead of creating a duplicate.
   */
  readonly idempotencyKey: string;
}

export interface UploadJob<M> {
  file: File;
  meta: M;
  idempotencyKey: string;
  onProgress: (percent: number) => void;
  signal: AbortSignal;
}

export interface UploadQueueOptions<M, R> {
  upload: (job: UploadJob<M>) => Promise<R>;
  /** Uploads running at the same time (default 2). */
  concurrency?: number;
  onDone?: (item: UploadItem<M, R>) => void;
  onFailed?: (item: UploadItem<M, R>) => void;
  newId?: () => string;
}

type Listener = () => void;

export class UploadQueue<M, R> {
  private list: readonly UploadItem<M, R>[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly running = new Map<string, AbortController>();
  private readonly newId: () => string;

  constructor(private options: UploadQueueOptions<M, R>) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Replace the callbacks (a component passes fresh closures on every render). */
  setOptions(options: UploadQueueOptions<M, R>): void {
    this.options = options;
  }

  /** The current items, a new array after every change (stable in between). */
  readonly snapshot = (): readonly UploadItem<M, R>[] => this.list;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Add files as `ready`, their metadata from `metaFor`; returns the new ids. */
  add(files: readonly File[], metaFor: (file: File) => M): string[] {
    const added = files.map(
      (file): UploadItem<M, R> => ({
        id: this.newId(),
        file,
        meta: metaFor(file),
        status: "ready",
        percent: 0,
        problem: null,
        result: null,
        idempotencyKey: this.newId(),
      }),
    );
    this.commit([...this.list, ...added]);
    return added.map((i) => i.id);
  }

  /** Change a `ready` item's metadata (ignored once it is queued). */
  edit(id: string, change: (meta: M) => M): void {
    this.patch(id, (i) => (i.status === "ready" ? { meta: change(i.meta) } : null));
  }

  /**
   * Queue every `ready` item, `finalize` filling in what all of them share (kind, links...)
   * at this moment; then start as many as the concurrency allows. Returns how many were queued.
   */
  start(finalize: (meta: M) => M = (m) => m): number {
    let queued = 0;
    this.commit(
      this.list.map((i) => {
        if (i.status !== "ready") return i;
        queued += 1;
        return { ...i, meta: finalize(i.meta), status: "queued", percent: 0, problem: null };
      }),
    );
    this.pump();
    return queued;
  }

  /** Queue a failed item again, with the same metadata and idempotency key. */
  retry(id: string): void {
    this.patch(id, (i) => (i.status === "failed" ? { status: "queued", percent: 0, problem: null } : null));
    this.pump();
  }

  /** Drop an item; an upload under way is aborted first. */
  remove(id: string): void {
    this.running.get(id)?.abort();
    this.running.delete(id);
    this.commit(this.list.filter((i) => i.id !== id));
    this.pump();
  }

  /** Drop every `done` item. */
  clearDone(): void {
    if (this.list.some((i) => i.status === "done")) this.commit(this.list.filter((i) => i.status !== "done"));
  }

  private pump(): void {
    const limit = Math.max(1, this.options.concurrency ?? 2);
    for (const item of this.list) {
      if (this.running.size >= limit) return;
      if (item.status === "queued" && !this.running.has(item.id)) void this.run(item);
    }
  }

  private async run(item: UploadItem<M, R>): Promise<void> {
    const controller = new AbortController();
    this.running.set(item.id, controller);
    this.patch(item.id, () => ({ status: "uploading", percent: 0 }));
    const onProgress = (percent: number) => {
      const p = Math.max(0, Math.min(100, Math.round(percent)));
      // Only whole-percent changes are worth a render.
      this.patch(item.id, (i) => (i.status === "uploading" && i.percent !== p ? { percent: p } : null));
    };
    let outcome: Partial<UploadItem<M, R>>;
    try {
      const result = await this.options.upload({
        file: item.file,
        meta: item.meta,
        idempotencyKey: item.idempotencyKey,
        onProgress,
        signal: controller.signal,
      });
      outcome = { status: "done", percent: 100, result, problem: null };
    } catch (error) {
      outcome = { status: "failed", problem: toApiProblem(error) };
    }
    if (this.running.get(item.id) !== controller) return; // removed meanwhile
    this.running.delete(item.id);
    this.patch(item.id, () => outcome);
    const settled = this.list.find((i) => i.id === item.id);
    if (settled?.status === "done") this.options.onDone?.(settled);
    if (settled?.status === "failed") this.options.onFailed?.(settled);
    this.pump();
  }

  private patch(id: string, change: (item: UploadItem<M, R>) => Partial<UploadItem<M, R>> | null): void {
    let changed = false;
    const next = this.list.map((i) => {
      if (i.id !== id) return i;
      const delta = change(i);
      if (!delta) return i;
      changed = true;
      return { ...i, ...delta };
    });
    if (changed) this.commit(next);
  }

  private commit(next: readonly UploadItem<M, R>[]): void {
    this.list = next;
    for (const listener of this.listeners) listener();
  }
}

/** Counts per status, for the summary line and the buttons. */
export function queueCounts(items: readonly Pick<UploadItem<unknown, unknown>, "status">[]): Record<UploadStatus, number> {
  const counts: Record<UploadStatus, number> = { ready: 0, queued: 0, uploading: 0, done: 0, failed: 0 };
  for (const i of items) counts[i.status] += 1;
  return counts;
}

/** "2 of 3 uploaded, 1 failed" (what is not yet started is counted as ready). */
export function queueSummary(counts: Record<UploadStatus, number>): string {
  const sent = counts.queued + counts.uploading + counts.done + counts.failed;
  const parts: string[] = [];
  if (sent > 0) parts.push(`${counts.done} of ${sent} uploaded`);
  if (counts.uploading > 0) parts.push(`${counts.uploading} uploading`);
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  if (counts.ready > 0) parts.push(`${counts.ready} ready to upload`);
  return parts.join(", ");
}
