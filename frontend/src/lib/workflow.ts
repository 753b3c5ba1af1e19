import { useState } from "react";
import { notifyProblem, notifySuccess } from "./notify";
import { type ApiProblem, toApiProblem } from "./problem";

interface Moved<S extends string> {
  key: string;
  status: S;
}

/**
 * A workflow move (`POST .../transitions`) as the detail pages run it: which state is being
 * moved to (for the button's spinner), a guard refusal (409) kept to show inline, any other
 * error as a notification, success announced as "<key> is now <state>", and `refresh` run
 * either way.
 */
export function useWorkflowMove<S extends string>(
  noun: string,
  label: (status: S) => string,
  refresh: () => Promise<unknown>,
) {
  const [moving, setMoving] = useState<S | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const move = async (to: S, send: () => Promise<{ data: Moved<S> }>, onMoved?: () => void) => {
    setMoving(to);
    setProblem(null);
    try {
      const { data } = await send();
      notifySuccess(`${data.key} is now ${label(data.status)}.`);
      onMoved?.();
    } catch (error) {
      const p = toApiProblem(error);
      if (p.status === 409) setProblem(p);
      else notifyProblem(p, `Could not change the ${noun}'s status`);
    } finally {
      setMoving(null);
      await refresh();
    }
  };

  return { moving, problem, clearProblem: () => setProblem(null), move };
}
