import { Button } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useState } from "react";

import { exportsExportComplianceMatrix } from "../../api/gen/sdk.gen";
import { filenameFrom, saveBlob } from "../../lib/download";
import { notifyProblem } from "../../lib/notify";

/**
 * "Download compliance matrix": the XLSX for the certification body's auditor. The API
 * wants the bearer token, which a plain link cannot carry, so the generated SDK fetches
 * the file as a Blob (with the session's token and refresh) and the browser saves it.
 */
export function DownloadMatrixButton({ org }: { org: string }) {
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      const { data, response } = await exportsExportComplianceMatrix({ path: { org }, parseAs: "blob" });
      const fallback = `certready-${org}-compliance-matrix.xlsx`;
      saveBlob(data as Blob, filenameFrom(response.headers.get("content-disposition"), fallback));
    } catch (error) {
      notifyProblem(error, "Could not download the compliance matrix");
    } finally {
      setPending(false);
    }
  };

  return (
    <Button
      variant="light"
      leftSection={<IconFileSpreadsheet size={16} />}
      loading={pending}
      onClick={() => void download()}
    >
      Download compliance matrix
    </Button>
  );
}
