import { useState } from "react";
import { ActionIcon, Box, Checkbox, Group, Input, Skeleton, Stack, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";

import { QueryErrorAlert } from "../../components/StatusPages";
import { useClauseTree, type ClauseNode } from "../requirements/catalogue";
import { checkState, leafRefs, scopeFromSelection, toggleNode } from "./scope";

interface Props {
  /** Selected leaf refs. */
  value: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  error?: React.ReactNode;
}

/** Checkboxes over the clause tree 4-10; a fully ticked clause is sent as its prefix. */
export function ScopePicker({ value, onChange, error }: Props) {
  const tree = useClauseTree();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  const toggleOpen = (ref: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });

  const renderNode = (node: ClauseNode, depth: number): React.ReactNode => {
    const state = checkState(node, value);
    const children = node.children ?? [];
    const expanded = open.has(node.ref);
    return (
      <Box key={node.ref} pl={depth === 0 ? 0 : 22}>
        <Group gap={4} wrap="nowrap" py={2}>
          {children.length > 0 ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`${expanded ? "Collapse" : "Expand"} clause ${node.ref}`}
              aria-expanded={expanded}
              onClick={() => toggleOpen(node.ref)}
            >
              {expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
            </ActionIcon>
          ) : (
            <Box w={22} />
          )}
          <Checkbox
            size="sm"
            label={`${node.ref} ${node.title}`}
            checked={state === "all"}
            indeterminate={state === "some"}
            onChange={() => onChange(toggleNode(node, value))}
          />
          {children.length > 0 && state !== "none" && (
            <Text size="xs" c="dimmed">
              {leafRefs(node).filter((r) => value.has(r)).length}/{leafRefs(node).length}
            </Text>
          )}
        </Group>
        {expanded && children.map((c) => renderNode(c, depth + 1))}
      </Box>
    );
  };

  const roots = tree.data ?? [];
  const scope = scopeFromSelection(roots, value);
  return (
    <Input.Wrapper
      label="Scope"
      required
      description={scope.length > 0 ? `Sent as: ${scope.join(", ")}` : "Tick whole clauses or expand them to pick sub-clauses."}
      error={error}
    >
      {tree.isError && <QueryErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />}
      {tree.isPending && <Skeleton h={160} mt="xs" />}
      {tree.data && (
        <Stack gap={0} mt="xs" role="group" aria-label="Scope clauses" mah={320} style={{ overflowY: "auto" }}>
          {roots.map((n) => renderNode(n, 0))}
        </Stack>
      )}
    </Input.Wrapper>
  );
}
