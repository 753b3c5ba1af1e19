import { useState } from "react";
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconTrash, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  trainingCreateCompetenceRequirementMutation,
  trainingCreateCourseMutation,
  trainingCreateTrainingPersonMutation,
  trainingCreateTrainingRecordMutation,
  trainingDeleteCompetenceRequirementMutation,
  trainingGetTrainingMatrixOptions,
  trainingImportTrainingMembersMutation,
  trainingImportTrainingRecordsMutation,
  trainingListCompetenceRequirementsOptions,
  trainingListCoursesOptions,
  trainingListTrainingPeopleOptions,
  trainingListTrainingRecordsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { CourseKind, EvaluationMethod } from "../../api/gen/types.gen";
import { FileDropZone } from "../../components/FileDropZone";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { invalidateOperations } from "../../api/invalidate";
import { useCan } from "../orgs/useCan";
import { toIsoDate } from "../corrective_measures/labels";
import { todayIso } from "../corrective_measures/steps";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { ScopeTab } from "./ScopeTab";
import { CELL_COLORS, CELL_LABELS, cellTitle, csvRowErrors, roleOptions } from "./matrix";

const EVALUATION_OPTIONS: { value: EvaluationMethod; label: string }[] = [
  { value: "quiz", label: "Quiz" },
  { value: "assessment", label: "Assessment" },
  { value: "supervisor_sign_off", label: "Supervisor sign-off" },
  { value: "observation", label: "Observation" },
  { value: "other", label: "Other" },
];

function refreshTraining(queryClient: ReturnType<typeof useQueryClient>) {
  return invalidateOperations(queryClient, [
    "trainingGetTrainingMatrix",
    "trainingListCourses",
    "trainingListCompetenceRequirements",
    "trainingListTrainingPeople",
    "trainingListTrainingRecords",
    "readinessGetPeopleInScope",
    "activityListActivity",
  ]);
}

function useTrainingLists(org: string) {
  const courses = useQuery({ ...trainingListCoursesOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  const people = useQuery({ ...trainingListTrainingPeopleOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  const requirements = useQuery({ ...trainingListCompetenceRequirementsOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  return { courses, people, requirements };
}

function Matrix({ org, canWrite }: { org: string; canWrite: boolean }) {
  const [role, setRole] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const { people, requirements } = useTrainingLists(org);
  const matrix = useQuery(trainingGetTrainingMatrixOptions({ path: { org }, query: { role: role ?? undefined } }));
  const roles = roleOptions(people.data ?? [], requirements.data ?? []);
  const cov = matrix.data?.coverage.overall;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <Select label="Role" placeholder="Every role" data={roles} value={role} onChange={setRole} clearable searchable w={220} />
          {cov && (
            <Group gap={6}>
              <Badge color="teal" variant="light">
                {cov.ok} ok
              </Badge>
              <Badge color="yellow" variant="light">
                {cov.expiring} expiring
              </Badge>
              <Badge color="red" variant="light">
                {cov.expired} expired
              </Badge>
              <Badge color="gray" variant="light">
                {cov.missing} missing
              </Badge>
              <Text size="sm" c="dimmed">
                {cov.percent === null ? "no requirements yet" : `${Math.round(cov.percent)} % covered`}
              </Text>
            </Group>
          )}
        </Group>
        {canWrite && (
          <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setImporting(true)}>
            Import records (CSV)
          </Button>
        )}
      </Group>
      {matrix.isError && <QueryErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.isPending && <Skeleton h={200} />}
      {matrix.data && matrix.data.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody in scope{role ? " holds this role" : " yet: add people or import the members"}.
        </Text>
      )}
      {matrix.data && matrix.data.rows.length > 0 && (
        <Table.ScrollContainer minWidth={400 + matrix.data.courses.length * 110}>
          <Table withColumnBorders verticalSpacing={4} aria-label="Training matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                {matrix.data.courses.map((c) => (
                  <Table.Th key={c.id} ta="center">
                    <Text size="xs" fw={700}>
                      {c.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.kind === "awareness" ? "awareness" : c.validity_months ? `${c.validity_months} months` : "no expiry"}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.rows.map((row) => {
                const byCourse = new Map(row.cells.map((cell) => [cell.course_id, cell]));
                return (
                  <Table.Tr key={row.person_id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.full_name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.role_keys.join(", ") || "no role"}
                      </Text>
                    </Table.Td>
                    {matrix.data.courses.map((c) => {
                      const cell = byCourse.get(c.id);
                      if (!cell)
                        return (
                          <Table.Td key={c.id} ta="center" c="dimmed">
                            ·
                          </Table.Td>
                        );
                      return (
                        <Table.Td key={c.id} ta="center" bg={`var(--mantine-color-${CELL_COLORS[cell.state]}-1)`} title={cellTitle(cell.state, c.title, cell.required_by, cell.expires_on)}>
                          <Text size="xs" fw={600} c={`${CELL_COLORS[cell.state]}.9`}>
                            {CELL_LABELS[cell.state]}
                          </Text>
                          {cell.expires_on && (
                            <Text size="xs" c="dimmed">
                              {formatDate(cell.expires_on)}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {importing && <ImportDialog org={org} onClose={() => setImporting(false)} />}
    </Stack>
  );
}

/** CSV import of completion records: all or nothing, with the server's error per row and column. */
function ImportDialog({ org, onClose }: { org: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<string | null>(null);
  const importCsv = useMutation({
    ...trainingImportTrainingRecordsMutation(),
    onSuccess: async (data) => {
      notifySuccess(`${data.created} record(s) imported, ${data.skipped_duplicates} duplicate(s) skipped.`);
      await refreshTraining(queryClient);
      onClose();
    },
  });
  // A refused import is shown in the dialog, with its errors per row and column.
  const problem = importCsv.error ? toApiProblem(importCsv.error) : null;
  const upload = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    importCsv.reset();
    setFile(f.name);
    importCsv.mutate({ path: { org }, body: await f.text() });
  };
  const rows = problem ? csvRowErrors(problem) : [];
  return (
    <Modal opened onClose={onClose} title="Import training records" size="lg" centered>
      <Stack gap="md">
        <Text size="sm">
          A CSV file with a header row: <code>email</code>, <code>course</code> (title or id), <code>completed_on</code> (YYYY-MM-DD), and optionally{" "}
          <code>evaluation_method</code> and <code>evaluation_result</code>. Nothing is imported if any row has a problem.
        </Text>
        <FileDropZone onFiles={(files) => void upload(files)} disabled={importCsv.isPending} label="Drop a CSV file here or click to choose one" hint={file ?? undefined} />
        {problem && rows.length === 0 && <ProblemAlert problem={problem} />}
        {problem && rows.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" c="red" fw={600} role="alert">
              {problem.detail ?? problem.title}
            </Text>
            <Table verticalSpacing={4} aria-label="Import errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{r.line ?? "—"}</Table.Td>
                    <Table.Td>{r.column || "—"}</Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

function Courses({ org, canWrite }: { org: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { courses, people, requirements } = useTrainingLists(org);
  const [reqRole, setReqRole] = useState("");
  const [reqCourse, setReqCourse] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { title: "", kind: "role" as string | null, validity_months: "" as string | number },
    validate: { title: (v) => (v.trim() ? null : "Give the course a title") },
  });
  const addCourse = useMutation({
    ...trainingCreateCourseMutation(),
    onSuccess: async () => {
      form.reset();
      notifySuccess("Course added.");
      await refreshTraining(queryClient);
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the course" }),
  });
  const submit = form.onSubmit((v) =>
    addCourse.mutate({
      path: { org },
      body: { title: v.title.trim(), kind: (v.kind ?? "role") as CourseKind, validity_months: typeof v.validity_months === "number" ? v.validity_months : null },
    }),
  );
  const createRequirement = useMutation({
    ...trainingCreateCompetenceRequirementMutation(),
    onSuccess: async () => {
      setReqRole("");
      await refreshTraining(queryClient);
    },
    onError: (error) => notifyProblem(error, "Could not add the requirement"),
  });
  const deleteRequirement = useMutation({
    ...trainingDeleteCompetenceRequirementMutation(),
    onSuccess: () => refreshTraining(queryClient),
    onError: (error) => notifyProblem(error, "Could not remove the requirement"),
  });
  const addRequirement = () => {
    if (!reqCourse || !reqRole.trim()) return;
    createRequirement.mutate({ path: { org }, body: { role_key: reqRole.trim(), course_id: reqCourse } });
  };
  const removeRequirement = (id: string) => deleteRequirement.mutate({ path: { org, requirement_id: id } });
  const titles = new Map((courses.data ?? []).map((c) => [c.id, c.title]));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="sm">
        <Title order={4}>Courses</Title>
        <Table verticalSpacing={4} aria-label="Courses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Course</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Validity</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(courses.data ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{c.kind}</Table.Td>
                <Table.Td>{c.validity_months ? `${c.validity_months} months` : "no expiry"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canWrite && (
          <form onSubmit={submit} noValidate aria-label="Add a course">
            <Group align="flex-end" gap="sm">
              <TextInput label="Course title" style={{ flex: 1 }} {...form.getInputProps("title")} />
              <Select
                label="Kind"
                w={140}
                allowDeselect={false}
                data={[
                  { value: "role", label: "Role" },
                  { value: "awareness", label: "Awareness" },
                ]}
                {...form.getInputProps("kind")}
              />
              <NumberInput label="Valid (months)" w={130} min={1} max={600} {...form.getInputProps("validity_months")} />
              <Button type="submit" loading={addCourse.isPending}>
                Add course
              </Button>
            </Group>
          </form>
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={4}>Competence requirements</Title>
        <Table verticalSpacing={4} aria-label="Competence requirements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Th>Requires</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(requirements.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.role_key}</Table.Td>
                <Table.Td>{titles.get(r.course_id) ?? "—"}</Table.Td>
                <Table.Td>
                  {canWrite && (
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${r.role_key} → ${titles.get(r.course_id) ?? ""}`} onClick={() => removeRequirement(r.id)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canWrite && (
          <Group align="flex-end" gap="sm">
            <Select
              label="Role key"
              description="An org role or an SMS role name"
              searchable
              data={roleOptions(people.data ?? [], requirements.data ?? [])}
              value={reqRole || null}
              onChange={(v) => setReqRole(v ?? "")}
              onSearchChange={(s) => s && setReqRole(s)}
              w={200}
            />
            <Select label="Course" data={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))} value={reqCourse} onChange={setReqCourse} w={200} />
            <Button variant="default" onClick={addRequirement} disabled={!reqCourse || !reqRole.trim()}>
              Require
            </Button>
          </Group>
        )}
      </Stack>
    </SimpleGrid>
  );
}

function People({ org, canWrite }: { org: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { people } = useTrainingLists(org);
  const form = useForm({
    mode: "controlled",
    initialValues: { full_name: "", email: "", role_keys: [] as string[] },
    validate: { full_name: (v) => (v.trim() ? null : "Give the name") },
  });
  const addPerson = useMutation({
    ...trainingCreateTrainingPersonMutation(),
    onSuccess: async () => {
      form.reset();
      notifySuccess("Person added to the scope.");
      await refreshTraining(queryClient);
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the person" }),
  });
  const submit = form.onSubmit((v) =>
    addPerson.mutate({ path: { org }, body: { full_name: v.full_name.trim(), email: v.email.trim() || null, role_keys: v.role_keys } }),
  );
  const importMembers = useMutation({
    ...trainingImportTrainingMembersMutation(),
    onSuccess: async (data) => {
      notifySuccess(`${data.added.length} member(s) brought into scope.`);
      await refreshTraining(queryClient);
    },
    onError: (error) => notifyProblem(error, "Could not import the members"),
  });
  return (
    <Stack gap="sm">
      {canWrite && (
        <Group>
          <Button variant="default" onClick={() => importMembers.mutate({ path: { org }, body: {} })}>
            Import members
          </Button>
        </Group>
      )}
      <Table verticalSpacing={4} aria-label="Training register">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>In scope</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.full_name}</Table.Td>
              <Table.Td>{p.email ?? "—"}</Table.Td>
              <Table.Td>{p.effective_role_keys.join(", ") || "—"}</Table.Td>
              <Table.Td>{p.in_scope ? "yes" : "no"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canWrite && (
        <form onSubmit={submit} noValidate aria-label="Add a person">
          <Group align="flex-end" gap="sm">
            <TextInput label="Full name" {...form.getInputProps("full_name")} />
            <TextInput label="E-mail" {...form.getInputProps("email")} />
            <TagsInput label="SMS roles" placeholder="Type and press Enter" w={280} {...form.getInputProps("role_keys")} />
            <Button type="submit" loading={addPerson.isPending}>
              Add person
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function Records({ org, canWrite }: { org: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { courses, people } = useTrainingLists(org);
  const records = useQuery({ ...trainingListTrainingRecordsOptions({ path: { org }, query: { limit: 500 } }), select: (p) => p.items });
  const form = useForm({
    mode: "controlled",
    initialValues: { person_id: null as string | null, course_id: null as string | null, completed_on: todayIso() as string | null, evaluation_method: null as string | null, evaluation_result: "" },
    validate: {
      person_id: (v) => (v ? null : "Pick a person"),
      course_id: (v) => (v ? null : "Pick a course"),
      completed_on: (v) => (v ? null : "Give the date"),
    },
  });
  const addRecord = useMutation({
    ...trainingCreateTrainingRecordMutation(),
    onSuccess: async () => {
      form.reset();
      notifySuccess("Record added.");
      await refreshTraining(queryClient);
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the record" }),
  });
  const submit = form.onSubmit((v) =>
    addRecord.mutate({
      path: { org },
      body: {
        person_id: v.person_id ?? "",
        course_id: v.course_id ?? "",
        completed_on: toIsoDate(v.completed_on) ?? todayIso(),
        evaluation_method: (v.evaluation_method as EvaluationMethod | null) ?? null,
        evaluation_result: v.evaluation_result.trim() || null,
      },
    }),
  );
  const personNames = new Map((people.data ?? []).map((p) => [p.id, p.full_name]));
  const courseTitles = new Map((courses.data ?? []).map((c) => [c.id, c.title]));
  return (
    <Stack gap="sm">
      {canWrite && (
        <form onSubmit={submit} noValidate aria-label="Add a record">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select label="Person" searchable w={200} data={(people.data ?? []).map((p) => ({ value: p.id, label: p.full_name }))} {...form.getInputProps("person_id")} />
            <Select label="Course" searchable w={200} data={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))} {...form.getInputProps("course_id")} />
            <DateInput label="Completed on" valueFormat="D MMM YYYY" w={150} {...form.getInputProps("completed_on")} />
            <Select label="Evaluation" clearable w={180} data={EVALUATION_OPTIONS} {...form.getInputProps("evaluation_method")} />
            {form.getValues().evaluation_method && <TextInput label="Evaluation result" {...form.getInputProps("evaluation_result")} />}
            <Button type="submit" loading={addRecord.isPending}>
              Add record
            </Button>
          </Group>
        </form>
      )}
      {records.isError && <QueryErrorAlert error={records.error} onRetry={() => void records.refetch()} />}
      <Table verticalSpacing={4} aria-label="Training records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Course</Table.Th>
            <Table.Th>Completed</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Evaluation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(records.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{personNames.get(r.person_id) ?? "—"}</Table.Td>
              <Table.Td>{courseTitles.get(r.course_id) ?? "—"}</Table.Td>
              <Table.Td>{formatDate(r.completed_on)}</Table.Td>
              <Table.Td>{formatDate(r.expires_on)}</Table.Td>
              <Table.Td>{r.evaluation_method ? `${r.evaluation_method.replaceAll("_", " ")}: ${r.evaluation_result ?? ""}` : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Competence and awareness (7.2, 7.3): who needs which training, and who has it. */
export function TrainingPage() {
  const { slug } = useCurrentOrg();
  const canWrite = useCan()("training:write");
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Training and competence</Title>
        <Text size="sm" c="dimmed">
          People in the SMS scope against the courses their roles require (7.2) and the awareness everyone needs (7.3).
        </Text>
      </div>
      <Tabs defaultValue="matrix" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="matrix">Matrix</Tabs.Tab>
          <Tabs.Tab value="scope">Who is in scope</Tabs.Tab>
          <Tabs.Tab value="courses">Courses and requirements</Tabs.Tab>
          <Tabs.Tab value="people">Register</Tabs.Tab>
          <Tabs.Tab value="records">Records</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix" pt="md">
          <Matrix org={slug} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="scope" pt="md">
          <ScopeTab org={slug} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="courses" pt="md">
          <Courses org={slug} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <People org={slug} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="records" pt="md">
          <Records org={slug} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
