import { useState } from "react";
import { Alert, Box, Button, Code, FileInput, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { IconFileTypeCsv } from "@tabler/icons-react";

import type { CiImportResult } from "../../api/gen/types.gen";
import { ProblemAlert } from "../../components/ProblemAlert";
import { type ApiProblem, toApiProblem } from "../../lib/problem";
import { CSV_COLUMNS } from "./labels";

/** One refused cell of the file: the importer's `loc` is `["body", line, column]`. */
export interface RowError {
  line: number | null;
  column: string;
  message: string;
}

/** The problem's errors as (line, column, message) rows, in file order. */
export function rowErrors(problem: ApiProblem): RowError[] {
  return problem.errors
    .map((e) => {
      const [, line, column] = e.loc;
      return { line: typeof line === "number" ? line : null, column: typeof column === "string" ? column : "", message: e.msg };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Import a CMDB export (CSV). The API takes the file all or nothing: on any bad cell it
 * answers 422 with one error per cell and stores nothing, so the dialog lists those errors
 * (line of the file, column, what is wrong) and says that nothing was imported.
 */
export function CsvImportDialog({
  opened,
  onClose,
  importFile,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  /** Sends the file's text; resolves with what was stored, rejects with the API's problem. */
  importFile: (csv: string) => Promise<CiImportResult>;
  onImported?: (result: CiImportResult) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [result, setResult] = useState<CiImportResult | null>(null);

  const close = () => {
    setFile(null);
    setProblem(null);
    setResult(null);
    onClose();
  };

  const submit = async () => {
    if (!file) return;
    setPending(true);
    setProblem(null);
    setResult(null);
    try {
      const stored = await importFile(await file.text());
      setResult(stored);
      onImported?.(stored);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setPending(false);
    }
  };

  const errors = problem ? rowErrors(problem) : [];
  return (
    <Modal opened={opened} onClose={close} title="Import configuration items from CSV" size="lg">
      <Stack>
        <Text size="sm">
          A header row names the columns, in any order: <Code>{CSV_COLUMNS.required.join(", ")}</Code> are required, <Code>{CSV_COLUMNS.optional.join(", ")}</Code> optional (owner is a
          member&apos;s e-mail, last_verified a YYYY-MM-DD date, service the keys of the services it supports separated by semicolons: SVC-1; SVC-4). Known keys are updated, new ones added. If any row is wrong nothing is imported.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          value={file}
          onChange={(f) => {
            setFile(f);
            setProblem(null);
            setResult(null);
          }}
          clearable
        />
        {problem && errors.length === 0 && <ProblemAlert problem={problem} title="Nothing was imported" />}
        {problem && errors.length > 0 && (
          <Alert color="red" role="alert" title={`Nothing was imported: ${errors.length} problem${errors.length === 1 ? "" : "s"} in the file`}>
            <Text size="sm" mb="xs">
              Correct these rows and import the whole file again.
            </Text>
            <Box mah={260} style={{ overflowY: "auto" }}>
              <Table aria-label="Rows refused" withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {errors.map((e, i) => (
                    <Table.Tr key={`${e.line}-${e.column}-${i}`}>
                      <Table.Td>{e.line ?? "—"}</Table.Td>
                      <Table.Td>{e.column || "—"}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          </Alert>
        )}
        {result && (
          <Alert color="teal" role="status" title="Import done">
            {result.rows} row{result.rows === 1 ? "" : "s"} read: {result.created} configuration item{result.created === 1 ? "" : "s"} added, {result.updated} updated.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {result ? "Close" : "Cancel"}
          </Button>
          <Button onClick={submit} disabled={!file} loading={pending}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
