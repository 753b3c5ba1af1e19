import type { Criticality, CustomerKind, Operator, ServiceStatus } from "../../api/gen/types.gen";

export const STATUS_LABELS: Record<ServiceStatus, string> = { pipeline: "Pipeline", live: "Live", retiring: "Retiring", retired: "Retired" };
export const STATUS_COLORS: Record<ServiceStatus, string> = { pipeline: "blue", live: "teal", retiring: "orange", retired: "gray" };
export const CRITICALITY_LABELS: Record<Criticality, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };
export const KIND_LABELS: Record<CustomerKind, string> = { internal: "Internal", external: "External" };
export const OPERATOR_LABELS: Record<Operator, string> = { organisation: "The organisation", supplier: "A supplier" };
/** The moves the lifecycle allows from each status (the API checks them too). */
export const NEXT: Record<ServiceStatus, ServiceStatus[]> = { pipeline: ["live", "retired"], live: ["retiring"], retiring: ["retired", "live"], retired: [] };
export const SERVICE_OPERATIONS = ["servicesListServices", "servicesGetService", "servicesReadScopeServices", "customersListCustomers", "activityListActivity", "readinessGetReadiness"];
