import { MantineProvider } from "@mantine/core";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { StrengthMeter } from "./StrengthMeter";
import { loadEstimator } from "./strength";

afterEach(cleanup);

const show = (password: string, userInputs?: string[]) =>
  render(
    <MantineProvider>
      <StrengthMeter password={password} userInputs={userInputs} />
    </MantineProvider>,
  );

describe("StrengthMeter (the real zxcvbn-ts, loaded lazily)", () => {
  it("shows nothing for an empty password", () => {
    const { container } = show("");
    expect(container.querySelector("[data-testid=password-strength]")).toBeNull();
  });

  it("rates a common password very weak, with the library's warning", async () => {
    show("password");
    expect(await screen.findByText("Strength: Very weak")).toBeTruthy();
    expect(screen.getByText("This is a heavily used password.")).toBeTruthy();
  });

  it("rates a long passphrase strong", async () => {
    show("correct horse battery staple 42 violet");
    expect(await screen.findByText("Strength: Strong")).toBeTruthy();
  });

  it("counts the person's own name and e-mail as guessable", async () => {
    const estimate = await loadEstimator();
    const alone = estimate("quintessa-marlow").score;
    const withName = estimate("quintessa-marlow", ["Quintessa Marlow", "quintessa-marlow"]).score;
    expect(withName).toBeLessThan(alone);
  });
});
