import { Button } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useState } from "react";

import { notifyProblem } from "../../lib/notify";
import { exportPath, saveDownload } from "../exports/ticket";

/**
 * "Download compliance matrix": the XLSX for the certification body's auditor, saved by the
 * browser's own download through a one-time ticket (the file never sits in the page's memory).
 */
export function DownloadMatrixButton({ org }: { org: string }) {
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      await saveDownload(org, exportPath(org, "compliance-matrix.xlsx"));
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
