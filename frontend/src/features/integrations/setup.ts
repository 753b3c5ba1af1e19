import type { SourceType } from "../../api/gen/types.gen";

export const SOURCE_OPTIONS: { value: SourceType; label: string }[] = [
  { value: "jira", label: "Jira / Jira Service Management" },
  { value: "servicenow", label: "ServiceNow" },
  { value: "glpi", label: "GLPI 11" },
  { value: "zammad", label: "Zammad" },
  { value: "generic", label: "Other (Standard Webhooks)" },
];

/** Where to paste the URL and the secret in each tool. */
export const SETUP: Record<SourceType, string[]> = {
  jira: [
    "Jira: System > WebHooks > Create a WebHook.",
    "URL: the receiver URL. Secret: the secret (Jira signs with X-Hub-Signature: sha256=...).",
    "Events: issue created and issue updated; JQL: your service desk projects.",
    "Jira Automation (Send web request): add the header Authorization: Bearer <secret>.",
  ],
  servicenow: [
    "ServiceNow: an Outbound REST Message (POST, JSON) called from a Business Rule after insert/update.",
    "Body: the Table API record of the incident, change_request or problem (bare or under result).",
    "Authentication: header Authorization: Bearer <secret>, or X-Signature: sha256=<hex HMAC-SHA256 of the body>.",
  ],
  glpi: [
    "GLPI 11: Setup > Webhooks > Add, one per itemtype (Ticket, Change, Problem), events new and update.",
    "URL: the receiver URL (add ?itemtype=Change or ?itemtype=Problem for those). Secret: the secret.",
    "The challenge-response check can stay enabled: Certready answers it.",
  ],
  zammad: [
    "Zammad: Manage > Webhook > New Webhook, then a Trigger that uses it.",
    "Endpoint: the receiver URL. HMAC SHA1 Signature Token: the secret.",
  ],
  generic: [
    "Any tool that signs with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature v1).",
    'Body: {"type": "...", "data": {"id", "key", "kind", "title", "status", "priority", "opened_at", "updated_at"}}.',
  ],
};
