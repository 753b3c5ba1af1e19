import { Button, Checkbox, Group, Modal, MultiSelect, Progress, Stack, Text } from "@mantine/core";
import { IconFileZip } from "@tabler/icons-react";
import { useRef, useState } from "react";

import { exportsExportEvidencePack } from "../../api/gen/sdk.gen";
import { contentLength, filenameFrom, formatBytes, readWithProgress, saveBlob } from "../../lib/download";
import { notifyProblem } from "../../lib/notify";
import { useDocumentedInformationOptions, useRequirementOptions } from "../evidence/shared";
import { useCurrentOrg } from "../orgs/useCurrentOrg";

type Progress = { received: number; total: number | null; done: boolean };

/**
 * "Download evidence pack": the signed ZIP of evidence files for the certification body
 * (manifest, SHA256SUMS and its Ed25519 signature, VERIFY.txt). The API wants the bearer
 * token, so the generated SDK fetches it (token and refresh) and the body is read as a stream:
 * the server sends an exact Content-Length, so the bar shows how much has arrived.
 */
export function DownloadPackButton({
  org,
  clauses: initialClauses = [],
  documents: initialDocuments = [],
  approvedOnly: initialApproved = false,
  audit,
  label = "Download evidence pack",
  variant = "light",
}: {
  org: string;
  clauses?: string[];
  documents?: string[];
  approvedOnly?: boolean;
  /** Only the evidence sampled in this audit (with the versions its auditors pinned). */
  audit?: { id: string; key: string };
  label?: string;
  variant?: string;
}) {
  const [opened, setOpened] = useState(false);
  const [clauses, setClauses] = useState<string[]>([]);
  const [documents, setDocuments] = useState<string[]>([]);
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [allVersions, setAllVersions] = useState(false);
  const [withMatrix, setWithMatrix] = useState(true);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [pending, setPending] = useState(false);
  const abort = useRef<AbortController | null>(null);
  // the certification body's auditor always gets approved evidence only (the server enforces it)
  const approvedForced = useCurrentOrg().role === "external_auditor";
  const requirementOptions = useRequirementOptions(org);
  const documentOptions = useDocumentedInformationOptions();

  const open = () => {
    // the page's filters are the starting point
    setClauses(initialClauses);
    setDocuments(initialDocuments);
    setApprovedOnly(initialApproved);
    setProgress(null);
    setOpened(true);
  };

  const close = () => {
    abort.current?.abort();
    setOpened(false);
  };

  const download = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPending(true);
    setProgress({ received: 0, total: null, done: false });
    try {
      const { data, response } = await exportsExportEvidencePack({
        path: { org },
        query: {
          clause: clauses.length ? clauses : undefined,
          documented_information: documents.length ? documents : undefined,
          approved_only: approvedOnly || undefined,
          audit_id: audit?.id,
          versions: allVersions ? "all" : undefined,
          compliance_matrix: withMatrix || undefined,
        },
        parseAs: "stream",
        signal: controller.signal,
      });
      const total = contentLength(response.headers);
      const blob = await readWithProgress(
        data as unknown as ReadableStream<Uint8Array>,
        total,
        (received) => setProgress({ received, total, done: false }),
        "application/zip",
      );
      setProgress({ received: blob.size, total: blob.size, done: true });
      saveBlob(blob, filenameFrom(response.headers.get("content-disposition"), `certready-${org}-evidence-pack.zip`));
    } catch (error) {
      setProgress(null);
      if (!controller.signal.aborted) notifyProblem(error, "Could not download the evidence pack");
    } finally {
      setPending(false);
      abort.current = null;
    }
  };

  const percent = progress?.total ? Math.round((progress.received / progress.total) * 100) : 0;

  return (
    <>
      <Button variant={variant} leftSection={<IconFileZip size={16} aria-hidden />} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={audit ? `Evidence pack of ${audit.key}` : "Evidence pack"} size="lg">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            A ZIP of the evidence files with a manifest, SHA256SUMS and its Ed25519 signature; VERIFY.txt inside tells the
            auditor how to check it offline.
          </Text>
          {audit && (
            <Text size="sm">
              The evidence sampled on {audit.key}&apos;s checklist lines, with the versions the auditors pinned and the
              current ones.
            </Text>
          )}
          <MultiSelect
            label="Clauses"
            placeholder="Every clause"
            data={requirementOptions}
            value={clauses}
            onChange={setClauses}
            searchable
            clearable
            disabled={pending}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Documented information"
            placeholder="Any"
            data={documentOptions}
            value={documents}
            onChange={setDocuments}
            searchable
            clearable
            disabled={pending}
            comboboxProps={{ withinPortal: true }}
          />
          <Group gap="lg">
            <Checkbox
              label="Approved evidence only"
              description={approvedForced ? "Always, for external auditors" : undefined}
              checked={approvedOnly || approvedForced}
              disabled={pending || approvedForced}
              onChange={(e) => setApprovedOnly(e.currentTarget.checked)}
            />
            <Checkbox
              label="Every version (not only the current one)"
              checked={allVersions}
              disabled={pending}
              onChange={(e) => setAllVersions(e.currentTarget.checked)}
            />
            <Checkbox
              label="With the compliance matrix (XLSX)"
              checked={withMatrix}
              disabled={pending}
              onChange={(e) => setWithMatrix(e.currentTarget.checked)}
            />
          </Group>
          {progress && (
            <Stack gap={4}>
              <Progress
                value={progress.total ? percent : 0}
                animated={!progress.done}
                aria-label="Evidence pack download"
                size="lg"
              />
              <Text size="sm" aria-live="polite">
                {progress.done
                  ? `Downloaded ${formatBytes(progress.received)}`
                  : progress.total
                    ? `${formatBytes(progress.received)} of ${formatBytes(progress.total)} (${percent}%)`
                    : `${formatBytes(progress.received)} received`}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {pending ? "Cancel" : "Close"}
            </Button>
            <Button leftSection={<IconFileZip size={16} aria-hidden />} loading={pending} onClick={() => void download()}>
              Download
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
