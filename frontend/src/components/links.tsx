import { forwardRef } from "react";
import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from "@mantine/core";
import { createLink } from "@tanstack/react-router";

// Mantine components rendered as type-checked TanStack Router links.

const AnchorA = forwardRef<HTMLAnchorElement, AnchorProps & React.ComponentPropsWithoutRef<"a">>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
AnchorA.displayName = "AnchorA";
export const AnchorLink = createLink(AnchorA);

const ButtonA = forwardRef<HTMLAnchorElement, ButtonProps & React.ComponentPropsWithoutRef<"a">>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
ButtonA.displayName = "ButtonA";
export const ButtonLink = createLink(ButtonA);

const NavLinkA = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<React.ComponentPropsWithoutRef<"a">, keyof NavLinkProps>>(
  (props, ref) => <NavLink component="a" ref={ref} {...props} />,
);
NavLinkA.displayName = "NavLinkA";
export const NavLinkLink = createLink(NavLinkA);
