import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { evidenceListEvidenceOptions } from "../api/gen/@tanstack/react-query.gen";

/**
 * Pick an evidence item (E-n) as the record's evidence link; searches the evidence register
 * by key or title as the user types.
 */
export function EvidenceSelect({ org, ...props }: { org: string } & Omit<SelectProps, "data" | "searchValue" | "onSearchChange">) {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const evidence = useQuery(evidenceListEvidenceOptions({ path: { org }, query: { limit: 50, q: q.trim() || undefined } }));
  const data = (evidence.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.key} ${e.title}` }));
  return (
    <Select
      searchable
      clearable
      data={data}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={evidence.isFetching ? "Searching…" : "No evidence item matches"}
      placeholder="Search the evidence register"
      {...props}
    />
  );
}
