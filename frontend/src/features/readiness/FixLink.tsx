import { Anchor, type AnchorProps } from "@mantine/core";
import { useRouter } from "@tanstack/react-router";

import { resolveFixHref } from "./model";

/**
 * A link to a route named by the readiness API ("/orgs/acme/evidence?fulfils=D8"), navigated
 * inside the SPA; a route the SPA has no page for falls back to its nearest parent page.
 */
export function FixLink({ route, children, ...props }: AnchorProps & { route: string; children: React.ReactNode }) {
  const router = useRouter();
  const href = resolveFixHref(route, (pathname) => {
    const [, raw, found] = router.getMatchedRoutes(pathname);
    return found !== undefined && !(found.path !== "/" && raw["**"]);
  });
  return (
    <Anchor
      href={href}
      onClick={(event: React.MouseEvent<HTMLAnchorElement>) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        void router.navigate({ href });
      }}
      {...props}
    >
      {children}
    </Anchor>
  );
}
