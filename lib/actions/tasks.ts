"use server";

import { setCycleTaskRegister } from "@/lib/data/cycles";
import { assessQuarter, confirmQuarter } from "@/lib/data/task-quarters";
import { confirmTask, confirmTasks, correctTask, declareTask, editTask, reportTask, returnTask, withdrawTask } from "@/lib/data/tasks";
import type {
  AssessQuarterInput,
  ConfirmQuarterInput,
  ConfirmTaskInput,
  ConfirmTasksInput,
  CorrectTaskInput,
  DeclareTaskInput,
  EditTaskInput,
  ReportTaskInput,
  ReturnTaskInput,
  SetTaskRegisterInput,
  WithdrawTaskInput,
} from "@/lib/schemas/tasks";
import { runMutation } from "./run";

// The task register (lib/data/tasks.ts): each step of a task, and the quarters of a leader's or a unit's year.

export const declareTaskAction = async (input: DeclareTaskInput) => runMutation((actor) => declareTask(actor, input));

export const editTaskAction = async (input: EditTaskInput) => runMutation((actor) => editTask(actor, input));

export const reportTaskAction = async (input: ReportTaskInput) => runMutation((actor) => reportTask(actor, input));

export const confirmTaskAction = async (input: ConfirmTaskInput) => runMutation((actor) => confirmTask(actor, input));

export const confirmTasksAction = async (input: ConfirmTasksInput) => runMutation((actor) => confirmTasks(actor, input));

export const returnTaskAction = async (input: ReturnTaskInput) => runMutation((actor) => returnTask(actor, input));

export const correctTaskAction = async (input: CorrectTaskInput) => runMutation((actor) => correctTask(actor, input));

export const withdrawTaskAction = async (input: WithdrawTaskInput) => runMutation((actor) => withdrawTask(actor, input));

export const assessQuarterAction = async (input: AssessQuarterInput) => runMutation((actor) => assessQuarter(actor, input));

export const confirmQuarterAction = async (input: ConfirmQuarterInput) => runMutation((actor) => confirmQuarter(actor, input));

export const setCycleTaskRegisterAction = async (input: SetTaskRegisterInput) => runMutation((actor) => setCycleTaskRegister(actor, input));
