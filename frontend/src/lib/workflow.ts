import { useMutation, type MutationFunction } from "@tanstack/react-query";
import { notifyProblem, notifySuccess } from "./notify";
import { type ApiProblem, toApiProblem } from "./problem";

interface Moved<S extends string> {
  key: string;
  status: S;
  /** Other objects this move moved on (e.g. a measure's findings), each announced too. */
  consequences?: { key: string; to_status: string; reason: string }[];
}

/** The variables of a generated `...TransitionXMutation()`: `{ path, body: { to, note } }`. */
interface MoveVariables<S extends string> {
  body: { to: S };
}

/**
 * A workflow move (`POST .../transitions`) as the detail pages run it, on a TanStack Query
 * mutation (pass the generated `xxxTransitionXMutation()` options): which state is being moved
 * to (for the button's spinner), a guard refusal (409) kept to show inline until cleared, any
 * other error as a notification, success announced as "<key> is now <state>", and `refresh`
 * run either way before the move counts as finished.
 */
export function useWorkflowMove<S extends string, V extends MoveVariables<S>>(
  noun: string,
  label: (status: S) => string,
  options: { mutationFn?: MutationFunction<Moved<S>, V> },
  refresh: () => Promise<unknown>,
) {
  const mutation = useMutation<Moved<S>, unknown, V>({
    mutationFn: options.mutationFn,
    onSuccess: (data) => {
      notifySuccess(`${data.key} is now ${label(data.status)}.`);
      for (const c of data.consequences ?? []) notifySuccess(`${c.key} moved to ${c.to_status.replace("_", " ")}: ${c.reason}.`, "Finding moved on");
    },
    onError: (error) => {
      const p = toApiProblem(error);
      if (p.status !== 409) notifyProblem(p, `Could not change the ${noun}'s status`);
    },
    onSettled: () => refresh(),
  });

  const failed = mutation.error === null ? null : toApiProblem(mutation.error);
  const problem: ApiProblem | null = failed?.status === 409 ? failed : null;

  /** Run the move; `onMoved` runs once it succeeded (e.g. to close a dialog). Never rejects. */
  const move = async (variables: V, onMoved?: () => void): Promise<void> => {
    try {
      await mutation.mutateAsync(variables);
      onMoved?.();
    } catch {
      // Shown already: inline (409) or as a notification (onError).
    }
  };

  return {
    moving: mutation.isPending ? mutation.variables.body.to : null,
    problem,
    clearProblem: mutation.reset,
    move,
  };
}
