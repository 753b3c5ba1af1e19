/**
 * Password strength estimation with zxcvbn-ts, loaded on demand: the library and its
 * dictionaries (several hundred kB) are fetched the first time a password field needs them,
 * so they never weigh on the main bundle. Advice only: the server's policy decides.
 */

export interface Strength {
  /** 0 (too guessable) … 4 (very unguessable), zxcvbn's scale. */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

export type Estimator = (password: string, userInputs?: string[]) => Strength;

let loading: Promise<Estimator> | null = null;

/** The estimator (one load for the whole app; a failed load is retried next time). */
export function loadEstimator(): Promise<Estimator> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    return (password: string, userInputs: string[] = []) => {
      const result = zxcvbn.check(password, userInputs);
      return {
        score: result.score,
        warning: result.feedback.warning || null,
        suggestions: result.feedback.suggestions,
      };
    };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export const STRENGTH_LABELS = ["Very weak", "Weak", "Fair", "Good", "Strong"] as const;
