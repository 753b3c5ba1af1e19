import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Stack, Text } from "@mantine/core";
import { IconDownload, IconFileZip } from "@tabler/icons-react";
import { useState } from "react";

import { notifyProblem } from "../../lib/notify";
import { useDocumentedInformationOptions, useRequirementOptions } from "../evidence/shared";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { downloadUrl, exportPath, saveDownload } from "./ticket";

/**
 * "Download evidence pack": the signed ZIP of evidence files for the certification body
 * (manifest, SHA256SUMS and its Ed25519 signature, VERIFY.txt). The pack is made while it
 * streams and can be gigabytes: the browser saves it with its own download (a one-time ticket
 * for this pack's URL), straight to disk, and shows its progress in its downloads; the page
 * never holds the file.
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
    setOpened(true);
  };

  const close = () => setOpened(false);

  const download = async () => {
    setPending(true);
    setStarted(false);
    try {
      const url = downloadUrl(exportPath(org, "evidence-pack.zip"), {
        clause: clauses,
        documented_information: documents,
        approved_only: approvedOnly,
        audit_id: audit?.id,
        versions: allVersions ? "all" : undefined,
        compliance_matrix: withMatrix,
      });
      await saveDownload(org, url);
      setStarted(true);
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
          {started && (
            <Alert color="green" icon={<IconDownload size={16} aria-hidden />} role="status">
              Your browser is saving the pack to disk; its downloads show the progress. The pack is made as it
              streams, so a large one takes a while.
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
