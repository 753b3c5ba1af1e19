import { notifications } from "@mantine/notifications";
import { toApiProblem } from "./problem";

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: "teal", title, message });
}

/** Show any error as a notification (problem title + detail as plain text). */
export function notifyProblem(error: unknown, title?: string): void {
  const problem = toApiProblem(error);
  const detail = problem.detail ?? problem.title;
  notifications.show({
    color: "red",
    title: title ?? (problem.detail ? problem.title : "Something went wrong"),
    message: problem.retryAfter !== undefined ? `${detail} (retry in ${problem.retryAfter} s)` : detail,
  });
}
