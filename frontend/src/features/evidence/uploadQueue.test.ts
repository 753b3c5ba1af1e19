import { describe, expect, it } from "vitest";

import { ApiProblem } from "../../lib/problem";
import { queueCounts, queueSummary, UploadQueue, type UploadJob } from "./uploadQueue";

interface Meta {
  title: string;
  kind?: string;
}

/** An uploader whose calls the test settles by hand. */
function controlledUploader() {
  const calls: { job: UploadJob<Meta>; resolve: (r: string) => void; reject: (e: unknown) => void }[] = [];
  const upload = (job: UploadJob<Meta>) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ job, resolve, reject });
    });
  return { calls, upload };
}

const file = (name: string) => new File(["x".repeat(10)], name, { type: "text/plain" });
const flush = () => new Promise((r) => setTimeout(r, 0));

function queueWith(concurrency = 2) {
  const uploader = controlledUploader();
  let n = 0;
  const done: string[] = [];
  const failed: string[] = [];
  const queue = new UploadQueue<Meta, string>({
    upload: uploader.upload,
    concurrency,
    newId: () => `id-${++n}`,
    onDone: (i) => done.push(i.file.name),
    onFailed: (i) => failed.push(i.file.name),
  });
  const statuses = () => queue.snapshot().map((i) => `${i.file.name}:${i.status}:${i.percent}`);
  return { queue, uploader, done, failed, statuses };
}

describe("UploadQueue", () => {
  it("adds files as ready with editable metadata, and freezes it once started", () => {
    const { queue, uploader } = queueWith();
    const [a] = queue.add([file("a.pdf")], (f) => ({ title: f.name.replace(/\.[^.]+$/, "") }));
    expect(queue.snapshot()[0]).toMatchObject({ status: "ready", meta: { title: "a" } });
    queue.edit(a!, (m) => ({ ...m, title: "Policy A" }));
    expect(queue.snapshot()[0]?.meta.title).toBe("Policy A");

    expect(queue.start((m) => ({ ...m, kind: "policy" }))).toBe(1);
    expect(uploader.calls[0]?.job.meta).toEqual({ title: "Policy A", kind: "policy" });
    queue.edit(a!, (m) => ({ ...m, title: "too late" }));
    expect(queue.snapshot()[0]?.meta.title).toBe("Policy A");
  });

  it("runs at most `concurrency` uploads and starts the next when one settles", async () => {
    const { queue, uploader, statuses, done } = queueWith(2);
    queue.add([file("1.txt"), file("2.txt"), file("3.txt")], (f) => ({ title: f.name }));
    queue.start();
    expect(statuses()).toEqual(["1.txt:uploading:0", "2.txt:uploading:0", "3.txt:queued:0"]);
    expect(uploader.calls).toHaveLength(2);

    uploader.calls[1]!.job.onProgress(42.4);
    expect(statuses()[1]).toBe("2.txt:uploading:42");
    uploader.calls[1]!.resolve("E-2");
    await flush();
    expect(statuses()).toEqual(["1.txt:uploading:0", "2.txt:done:100", "3.txt:uploading:0"]);
    expect(queue.snapshot()[1]?.result).toBe("E-2");
    expect(done).toEqual(["2.txt"]);

    uploader.calls[0]!.resolve("E-1");
    uploader.calls[2]!.resolve("E-3");
    await flush();
    expect(queueCounts(queue.snapshot())).toMatchObject({ done: 3, uploading: 0, queued: 0 });
    expect(done).toEqual(["2.txt", "1.txt", "3.txt"]);
  });

  it("keeps a failure's problem, and a retry sends the same metadata and idempotency key", async () => {
    const { queue, uploader, failed } = queueWith(1);
    queue.add([file("big.iso")], () => ({ title: "Disk image" }));
    queue.start();
    const first = uploader.calls[0]!.job;
    uploader.calls[0]!.reject(new ApiProblem({ title: "Payload too large", status: 413, detail: "The file exceeds 100 MiB." }));
    await flush();
    const item = queue.snapshot()[0]!;
    expect(item.status).toBe("failed");
    expect(item.problem?.detail).toBe("The file exceeds 100 MiB.");
    expect(failed).toEqual(["big.iso"]);

    queue.retry(item.id);
    expect(queue.snapshot()[0]).toMatchObject({ status: "uploading", problem: null });
    const second = uploader.calls[1]!.job;
    expect(second.idempotencyKey).toBe(first.idempotencyKey);
    expect(second.meta).toEqual(first.meta);
    uploader.calls[1]!.resolve("E-9");
    await flush();
    expect(queue.snapshot()[0]?.status).toBe("done");
  });

  it("turns a thrown non-problem into a problem", async () => {
    const { queue, uploader } = queueWith();
    queue.add([file("x.txt")], () => ({ title: "x" }));
    queue.start();
    uploader.calls[0]!.reject(new TypeError("boom"));
    await flush();
    expect(queue.snapshot()[0]?.problem).toBeInstanceOf(ApiProblem);
  });

  it("aborts an upload that is removed and moves on to the next", async () => {
    const { queue, uploader, statuses, done, failed } = queueWith(1);
    const [a] = queue.add([file("a.txt"), file("b.txt")], (f) => ({ title: f.name }));
    queue.start();
    const signal = uploader.calls[0]!.job.signal;
    queue.remove(a!);
    expect(signal.aborted).toBe(true);
    expect(statuses()).toEqual(["b.txt:uploading:0"]);
    uploader.calls[0]!.reject(new ApiProblem({ title: "Upload cancelled", status: 0 }));
    await flush();
    expect(failed).toEqual([]); // nothing reported for the removed one
    uploader.calls[1]!.resolve("E-2");
    await flush();
    expect(done).toEqual(["b.txt"]);
  });

  it("does not start what was added after start() until started again", () => {
    const { queue, uploader, statuses } = queueWith(2);
    queue.add([file("a.txt")], (f) => ({ title: f.name }));
    queue.start();
    queue.add([file("b.txt")], (f) => ({ title: f.name }));
    expect(statuses()).toEqual(["a.txt:uploading:0", "b.txt:ready:0"]);
    expect(uploader.calls).toHaveLength(1);
  });

  it("notifies subscribers with a new snapshot per change, and clears done items", async () => {
    const { queue, uploader } = queueWith();
    const seen: unknown[] = [];
    const unsubscribe = queue.subscribe(() => seen.push(queue.snapshot()));
    queue.add([file("a.txt"), file("b.txt")], (f) => ({ title: f.name }));
    const before = queue.snapshot();
    expect(queue.snapshot()).toBe(before); // stable between changes
    queue.start();
    uploader.calls[0]!.job.onProgress(10);
    uploader.calls[0]!.job.onProgress(10.2); // same whole percent: no change
    const count = seen.length;
    uploader.calls[0]!.job.onProgress(10.4);
    expect(seen).toHaveLength(count);
    uploader.calls[0]!.resolve("E-1");
    await flush();
    queue.clearDone();
    expect(queue.snapshot().map((i) => i.file.name)).toEqual(["b.txt"]);
    expect(new Set(seen).size).toBe(seen.length);
    unsubscribe();
  });
});

describe("queueSummary", () => {
  it("says what was sent, what runs, what failed and what waits", () => {
    expect(queueSummary({ ready: 0, queued: 1, uploading: 1, done: 1, failed: 0 })).toBe("1 of 3 uploaded, 1 uploading");
    expect(queueSummary({ ready: 2, queued: 0, uploading: 0, done: 2, failed: 1 })).toBe("2 of 3 uploaded, 1 failed, 2 ready to upload");
    expect(queueSummary({ ready: 1, queued: 0, uploading: 0, done: 0, failed: 0 })).toBe("1 ready to upload");
  });
});
