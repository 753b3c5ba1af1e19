import { useQuery } from "@tanstack/react-query";

import { servicesListServicesOptions } from "../../api/gen/@tanstack/react-query.gen";

/** The catalogue as select options ("SVC-1 Service desk"), and each service's key by id. */
export function useServiceOptions(org: string) {
  const services = useQuery(servicesListServicesOptions({ path: { org }, query: { limit: 500 } }));
  const items = services.data?.items ?? [];
  return {
    options: items.map((s) => ({ value: s.id, label: `${s.key} ${s.name}` })),
    keys: new Map(items.map((s) => [s.id, s.key])),
  };
}
