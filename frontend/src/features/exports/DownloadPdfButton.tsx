import { Button, type ButtonProps } from "@mantine/core";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useState } from "react";

import { exportsExportAuditReport, exportsExportReadinessReport, exportsExportReviewMinutes } from "../../api/gen/sdk.gen";
import { filenameFrom, saveBlob } from "../../lib/download";
import { notifyProblem } from "../../lib/notify";

type Fetched = { data: unknown; response: Response };

/**
 * A PDF report's download button. Like the compliance matrix, the API wants the bearer token,
 * which a plain link cannot carry: the generated SDK fetches the PDF as a Blob (with the
 * session's token and refresh) and the browser saves it under the Content-Disposition name.
 */
function DownloadPdfButton({
  label,
  what,
  fallback,
  fetchPdf,
  ...props
}: { label: string; what: string; fallback: string; fetchPdf: () => Promise<Fetched> } & ButtonProps) {
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      const { data, response } = await fetchPdf();
      saveBlob(data as Blob, filenameFrom(response.headers.get("content-disposition"), fallback));
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
      fallback={`certready-${org}-readiness-report.pdf`}
      fetchPdf={() => exportsExportReadinessReport({ path: { org }, parseAs: "blob" })}
    />
  );
}

/** "Download report (PDF)": one audit's report (ISO 19011 6.5 contents). */
export function DownloadAuditReportButton({ org, auditId, ...props }: { org: string; auditId: string } & ButtonProps) {
  return (
    <DownloadPdfButton
      label="Download report (PDF)"
      what="audit report"
      fallback={`certready-${org}-audit-report.pdf`}
      fetchPdf={() => exportsExportAuditReport({ path: { org, audit_id: auditId }, parseAs: "blob" })}
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
      fallback={`certready-${org}-review-minutes.pdf`}
      fetchPdf={() => exportsExportReviewMinutes({ path: { org, review_id: reviewId }, parseAs: "blob" })}
      {...props}
    />
  );
}
