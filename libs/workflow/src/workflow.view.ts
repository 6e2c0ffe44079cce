import type { WorkflowDefinition } from './workflow.definition.js';
import { toMermaid } from './workflow.mermaid.js';

/** A definition as plain data (guards reduced to their name and label), for the API and the CLI. */
export function workflowView(d: WorkflowDefinition) {
  return {
    id: d.id,
    version: d.version,
    program: d.program,
    title: d.title,
    states: d.states.map((s) => ({ name: s.name, label: s.label, initial: s.initial === true, final: s.final === true })),
    transitions: d.transitions.map((t) => ({
      command: t.command,
      event: t.event,
      label: t.label,
      from: [...t.from],
      to: t.to,
      roles: [...t.roles],
      reasonRequired: t.reasonRequired === true,
      requiredFields: [...(t.requiredFields ?? [])],
      inputs: (t.inputs ?? []).map((i) => ({ name: i.name, label: i.label })),
      guards: (t.guards ?? []).map((g) => ({ name: g.name, label: g.label })),
      ...(t.opensDeadline ? { opensDeadline: t.opensDeadline } : {}),
    })),
    deadlines: d.deadlines.map((x) => ({
      name: x.name,
      label: x.label,
      durationDays: x.durationDays,
      ...(x.suspendDuringSchoolHolidays === undefined ? {} : { suspendDuringSchoolHolidays: x.suspendDuringSchoolHolidays }),
      ...(x.reminderDaysBefore === undefined ? {} : { reminderDaysBefore: x.reminderDaysBefore }),
      onExpiry: { ...x.onExpiry },
      cancelledBy: [...x.cancelledBy],
    })),
    access: {
      ownerRoles: [...d.access.ownerRoles],
      territory: Object.fromEntries(
        Object.entries(d.access.territory).map(([role, rules]) => [role, (rules ?? []).map((r) => ({ ...r }))]),
      ),
    },
    mermaid: toMermaid(d),
  };
}

export type WorkflowView = ReturnType<typeof workflowView>;
