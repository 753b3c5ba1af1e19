import { Button, Menu, type ButtonProps } from "@mantine/core";
import { IconChevronDown, IconFileCode } from "@tabler/icons-react";
import { useState } from "react";

import {
  exportsExportCisoAssistantLibrary,
  exportsExportOscalAssessmentResults,
  exportsExportOscalCatalog,
  exportsExportOscalPoam,
} from "../../api/gen/sdk.gen";
import { filenameFrom, saveBlob } from "../../lib/download";
import { notifyProblem } from "../../lib/notify";

type Fetched = { data: unknown; response: Response };

/** Fetch a file with the session's token (a plain link cannot carry it) and save it. */
async function fetchAndSave(fetchFile: () => Promise<Fetched>, fallback: string, what: string) {
  try {
    const { data, response } = await fetchFile();
    saveBlob(data as Blob, filenameFrom(response.headers.get("content-disposition"), fallback));
  } catch (error) {
    notifyProblem(error, `Could not download the ${what}`);
  }
}

/**
 * "Machine-readable" menu: the catalogue as an OSCAL catalog and as a CISO Assistant library,
 * the corrective measures as an OSCAL POA&M (JSON and YAML for other tools).
 */
export function MachineReadableExportsMenu({ org }: { org: string }) {
  const [pending, setPending] = useState(false);
  const run = (fetchFile: () => Promise<Fetched>, fallback: string, what: string) => {
    setPending(true);
    void fetchAndSave(fetchFile, fallback, what).finally(() => setPending(false));
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          loading={pending}
          leftSection={<IconFileCode size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Machine-readable
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>OSCAL 1.2 (JSON)</Menu.Label>
        <Menu.Item
          onClick={() =>
            run(
              () => exportsExportOscalCatalog({ path: { org }, parseAs: "blob" }),
              `certready-${org}-oscal-catalog.json`,
              "OSCAL catalog",
            )
          }
        >
          Catalogue (OSCAL catalog)
        </Menu.Item>
        <Menu.Item
          onClick={() =>
            run(
              () => exportsExportOscalPoam({ path: { org }, parseAs: "blob" }),
              `certready-${org}-oscal-poam.json`,
              "OSCAL POA&M",
            )
          }
        >
          Corrective measures (OSCAL POA&amp;M)
        </Menu.Item>
        <Menu.Label>CISO Assistant</Menu.Label>
        <Menu.Item
          onClick={() =>
            run(
              () => exportsExportCisoAssistantLibrary({ path: { org }, parseAs: "blob" }),
              `certready-${org}-ciso-assistant-iso20000-1.yaml`,
              "CISO Assistant library",
            )
          }
        >
          ISO/IEC 20000-1 library (YAML)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** "OSCAL results": one audit as OSCAL assessment-results (JSON). */
export function DownloadOscalResultsButton({ org, auditId, ...props }: { org: string; auditId: string } & ButtonProps) {
  const [pending, setPending] = useState(false);
  const download = () => {
    setPending(true);
    void fetchAndSave(
      () => exportsExportOscalAssessmentResults({ path: { org, audit_id: auditId }, parseAs: "blob" }),
      `certready-${org}-oscal-assessment-results.json`,
      "OSCAL assessment results",
    ).finally(() => setPending(false));
  };
  return (
    <Button
      variant="light"
      leftSection={<IconFileCode size={16} aria-hidden />}
      loading={pending}
      onClick={download}
      {...props}
    >
      OSCAL results
    </Button>
  );
}
