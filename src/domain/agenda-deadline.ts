/** The agenda and data package are due at least one week before the meeting (seed 000, process overview). */
export const agendaLeadDays = 7;

export interface AgendaDeadline {
  dueAt: Date;
  status: 'pending' | 'met' | 'missed' | 'overdue';
}

export function agendaDeadline(meetingStart: Date, agendaSentAt: Date | null, now: Date): AgendaDeadline {
  const dueAt = new Date(meetingStart.getTime() - agendaLeadDays * 24 * 60 * 60_000);
  if (agendaSentAt) return { dueAt, status: agendaSentAt.getTime() <= dueAt.getTime() ? 'met' : 'missed' };
  return { dueAt, status: now.getTime() > dueAt.getTime() ? 'overdue' : 'pending' };
}
