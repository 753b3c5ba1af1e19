import { Group, Text } from "@mantine/core";
import { Dropzone, type FileRejection } from "@mantine/dropzone";
import { IconFileUpload, IconUpload, IconX } from "@tabler/icons-react";

import { notifyProblem } from "../lib/notify";
import { ApiProblem } from "../lib/problem";

/** Why the browser refused files before anything was sent (size, type, count). */
function rejected(rejections: readonly FileRejection[]): void {
  const detail = rejections.map((r) => `${r.file.name}: ${r.errors.map((e) => e.message).join("; ")}`).join("\n");
  notifyProblem(new ApiProblem({ title: "File refused", status: 0, detail }), "File refused");
}

/**
 * The app's drop zone (@mantine/dropzone): drag and drop, or click / Enter / Space to browse.
 * `multiple` lets one drop carry several files.
 */
export function FileDropZone({
  onFiles,
  disabled,
  label,
  hint,
  multiple = false,
  maxSize,
}: {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  label?: string;
  hint?: string;
  multiple?: boolean;
  /** Bytes; larger files are refused in the browser already. */
  maxSize?: number;
}) {
  const text = label ?? (multiple ? "Drop files here or click to choose them" : "Drop a file here or click to choose one");
  return (
    <Dropzone
      onDrop={(files) => {
        if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
      }}
      onReject={rejected}
      multiple={multiple}
      maxSize={maxSize}
      disabled={disabled}
      radius="md"
      p="lg"
      data-testid="file-drop-zone"
      // react-dropzone marks the root "presentation", but it is focusable and opens the file
      // dialog on Enter/Space: to assistive technology it is a button.
      role="button"
      aria-label={text}
      aria-disabled={disabled || undefined}
      inputProps={{ "aria-label": text, ...({ "data-testid": "file-drop-input" } as object) }}
      style={disabled ? { opacity: 0.6, cursor: "not-allowed" } : undefined}
    >
      <Group justify="center" gap="md" wrap="nowrap" style={{ pointerEvents: "none" }}>
        <Dropzone.Accept>
          <IconFileUpload size={32} stroke={1.5} color="var(--mantine-color-blue-6)" aria-hidden />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={32} stroke={1.5} color="var(--mantine-color-red-6)" aria-hidden />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconUpload size={32} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
        </Dropzone.Idle>
        <div>
          <Text fw={500}>{text}</Text>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
      </Group>
    </Dropzone>
  );
}
