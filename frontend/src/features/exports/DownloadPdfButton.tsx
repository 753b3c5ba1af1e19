import { Button, type ButtonProps } from "@mantine/core";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useState } from "react";

import { notifyProblem } from "../../lib/notify";
import { exportPath, saveDownload } from "./ticket";

/**
 * A PDF report's download button. Like the compliance matrix, the browser saves it with its
 * own download through a one-time ticket, under the API's Content-Disposition name.
 */
function DownloadPdfButton({
  label,
  what,
  org,
  path,
  ...props
}: { label: string; what: string; org: string; path: string } & ButtonProps) {
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      await saveDownload(org, exportPath(org, path));
    } catch (error) {
      notifyProblem(error, `Could not download the ${what}`);
    } finally {
      setPending(false);
    }
  };

  return (
    <Button
      variant="light"
      leftSection={<IconFileTypePdf size={16} aria-hidden />}
      loading={pending}
      onClick={() => void download()}
      {...props}
    >
      {label}
    </Button>
  );
}

/** "Download readiness report (PDF)": verdicts, every blocker and warning, the open findings. */
export function DownloadReadinessReportButton({ org }: { org: string }) {
  return (
    <DownloadPdfButton
      label="Download readiness report (PDF)"
      what="readiness report"
      org={org}
      path="readiness-report.pdf"
    />
  );
}

/** "Download report (PDF)": one audit's report (ISO 19011 6.5 contents). */
export function DownloadAuditReportButton({ org, auditId, ...props }: { org: string; auditId: string } & ButtonProps) {
  return (
    <DownloadPdfButton
      label="Download report (PDF)"
      what="audit report"
      org={org}
      path={`audits/${auditId}/report.pdf`}
      {...props}
    />
  );
}

/** "Download minutes (PDF)": one management review's minutes. */
export function DownloadMinutesButton({ org, reviewId, ...props }: { org: string; reviewId: string } & ButtonProps) {
  return (
    <DownloadPdfButton
      label="Download minutes (PDF)"
      what="review minutes"
      org={org}
      path={`management-reviews/${reviewId}/minutes.pdf`}
      {...props}
    />
  );
}
