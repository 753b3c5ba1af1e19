import { useState, type ReactNode } from "react";
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { DateInput } from "@mantine/dates";

/** Today as a calendar date (`YYYY-MM-DD`) in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The day of a date or timestamp (`YYYY-MM-DD`). */
export function dayOf(value: string | null | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

interface InputProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The earliest day allowed (the record this one depends on), if any. */
  minDate?: string | null;
  disabled?: boolean;
  w?: number | string;
  error?: ReactNode;
}

/**
 * The day a past event happened ("held on", "assessed on"): never after today, never
 * before `minDate`; the server checks the same and answers 422 otherwise.
 */
export function OccurredDateInput({ label, value, onChange, minDate, disabled, w, error }: InputProps) {
  return (
    <DateInput
      label={label}
      valueFormat="D MMM YYYY"
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      maxDate={todayIso()}
      minDate={minDate ?? undefined}
      disabled={disabled}
      error={error}
      w={w}
      popoverProps={{ withinPortal: true }}
    />
  );
}

interface ModalProps {
  opened: boolean;
  title: string;
  label: string;
  confirmLabel: string;
  /** The date proposed (default: today). */
  initial?: string | null;
  minDate?: string | null;
  loading?: boolean;
  color?: string;
  children?: ReactNode;
  onClose: () => void;
  onConfirm: (day: string) => void;
}

function DateForm({ label, confirmLabel, initial, minDate, loading, color, children, onClose, onConfirm }: Omit<ModalProps, "opened" | "title">) {
  const [day, setDay] = useState<string | null>(initial ?? todayIso());
  return (
    <Stack gap="md">
      {children}
      <OccurredDateInput label={label} value={day} onChange={setDay} minDate={minDate} />
      <Text size="xs" c="dimmed">
        For a past event, give the day it happened; the log keeps both that day and when it was recorded.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Back
        </Button>
        <Button color={color} loading={loading} disabled={!day} onClick={() => day && onConfirm(day)}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** Confirm a workflow move with the day it happened (default today). */
export function OccurredDateModal({ opened, title, onClose, ...rest }: ModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {opened && <DateForm onClose={onClose} {...rest} />}
    </Modal>
  );
}
