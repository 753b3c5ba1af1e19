import { useRef, useState } from "react";
import { Group, Paper, Text, UnstyledButton } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";

/**
 * A drop zone for files (drag and drop, or click / Enter to browse).
 *
 * @mantine/dropzone has no release matching @mantine/core 9.8.1 (the registry stops at
 * 9.7.3), so this small component does the same job with native drag events.
 */
export function FileDropZone({
  onFiles,
  disabled,
  label = "Drop a file here or click to choose one",
  hint,
  multiple = false,
}: {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  label?: string;
  hint?: string;
  multiple?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null | undefined) => {
    const files = list ? [...list] : [];
    if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      data-testid="file-drop-zone"
      bg={over ? "blue.0" : undefined}
      style={{ borderStyle: "dashed", borderColor: over ? "var(--mantine-color-blue-6)" : undefined, opacity: disabled ? 0.6 : 1 }}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <UnstyledButton w="100%" disabled={disabled} onClick={() => input.current?.click()} aria-label={label}>
        <Group justify="center" gap="md" wrap="nowrap">
          <IconUpload size={32} stroke={1.5} aria-hidden />
          <div>
            <Text fw={500}>{label}</Text>
            {hint && (
              <Text size="sm" c="dimmed">
                {hint}
              </Text>
            )}
          </div>
        </Group>
      </UnstyledButton>
      <input
        ref={input}
        type="file"
        hidden
        multiple={multiple}
        data-testid="file-drop-input"
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
    </Paper>
  );
}
