import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconDownload, IconFileZip } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";

import { exportsGetEvidencePackJob, exportsStartEvidencePackJob } from "../../api/gen/sdk.gen";
import type { PackJobRead } from "../../api/gen/types.gen";
import { notifyProblem } from "../../lib/notify";
import { useDocumentedInformationOptions, useRequirementOptions } from "../evidence/shared";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { saveDownload } from "./ticket";

const POLL_MS = 500;

/** The bar's value: the ZIP's bytes written (files alone jump on one large file). */
export function packPercent(job: PackJobRead): number {
  if (job.status === "done") return 100;
  if (job.bytes_total) return Math.min(100, Math.floor((job.bytes_done / job.bytes_total) * 100));
  return job.files_total ? Math.floor((job.files_done / job.files_total) * 100) : 0;
}

/**
 * "Download evidence pack": the signed ZIP of evidence files for the certification body
 * (manifest, SHA256SUMS and its Ed25519 signature, VERIFY.txt). The server makes it as a job
 * (`POST .../exports/evidence-pack/jobs`); the dialog polls it every 500 ms and shows a progress
 * bar with "n of N files"; once done, the browser saves the finished pack with its own download
 * (a one-time ticket for the job's download URL), straight to disk: the page never holds it.
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
  const [started, setStarted] = useState(false);
  const [pending, setPending] = useState(false);
  const [job, setJob] = useState<PackJobRead | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  // the certification body's auditor always gets approved evidence only (the server enforces it)
  const approvedForced = useCurrentOrg().role === "external_auditor";
  const requirementOptions = useRequirementOptions(org);
  const documentOptions = useDocumentedInformationOptions();

  const open = () => {
    // the page's filters are the starting point
    setClauses(initialClauses);
    setDocuments(initialDocuments);
    setApprovedOnly(initialApproved);
    setStarted(false);
    setJob(null);
    setOpened(true);
  };

  const close = () => setOpened(false);

  const download = async () => {
    setPending(true);
    setStarted(false);
    setJob(null);
    try {
      const { data: first } = await exportsStartEvidencePackJob({
        path: { org },
        query: {
          clause: clauses,
          documented_information: documents,
          approved_only: approvedOnly || undefined,
          audit_id: audit?.id,
          versions: allVersions ? "all" : undefined,
          compliance_matrix: withMatrix || undefined,
        },
      });
      let current = first;
      setJob(current);
      while (alive.current && (current.status === "queued" || current.status === "running")) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const { data } = await exportsGetEvidencePackJob({ path: { org, job_id: current.id } });
        current = data;
        setJob(current);
      }
      if (current.status === "done" && current.download_url && alive.current) {
        await saveDownload(org, current.download_url);
        setStarted(true);
      }
    } catch (error) {
      notifyProblem(error, "Could not download the evidence pack");
    } finally {
      setPending(false);
    }
  };

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
            {approvedForced ? (
              <Text size="sm">Approved evidence only (always, for the certification body)</Text>
            ) : (
              <Checkbox
                label="Approved evidence only"
                checked={approvedOnly}
                disabled={pending}
                onChange={(e) => setApprovedOnly(e.currentTarget.checked)}
              />
            )}
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
          {job && (
            <Stack gap={4}>
              <Progress
                value={packPercent(job)}
                animated={job.status === "queued" || job.status === "running"}
                color={job.status === "failed" ? "red" : undefined}
                aria-label="Evidence pack progress"
                size="lg"
              />
              <Text size="sm" aria-live="polite">
                {job.status === "queued" ? "Waiting to start… " : ""}
                {job.files_done} of {job.files_total} files
                {job.status === "done" ? " (done)" : ""}
              </Text>
            </Stack>
          )}
          {job?.status === "failed" && (
            <Alert color="red" icon={<IconAlertTriangle size={16} aria-hidden />} role="alert">
              The pack could not be made: {job.error}
            </Alert>
          )}
          {started && job && (
            <Alert color="green" icon={<IconDownload size={16} aria-hidden />} role="status">
              The pack is ready; your browser is saving it to disk. SHA-256 of the ZIP: <code>{job.sha256}</code>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              Close
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
