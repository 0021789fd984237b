import { describe, expect, it } from 'vitest';
import { loadCsdlModel } from '../../src/sandbox/csdl/csdl-model.js';
import { validateActionBody, validateBody } from '../../src/sandbox/csdl/csdl-body-validator.js';
import { calendarRequests } from '../../src/m365/calendar-requests.js';
import type { MeetingInvitation } from '../../src/app/ports/calendar-gateway.js';
import { driveRequests } from '../../src/m365/drive-requests.js';
import { teamsAppRequests } from '../../src/m365/teams-app-requests.js';
import { meetingRequests } from '../../src/m365/meeting-requests.js';
import { meetingInvitation } from '../../src/app/conversation/meeting-invitation.js';
import { buildAgendaView } from '../../src/documents/agenda-view.js';
import { describeSchoolPart, replaceInvitedParticipants, sendAgenda, markInvited } from '../../src/domain/conversation.js';
import { now, plannedConversation } from '../support/factories.js';

const model = loadCsdlModel();

/** Every Graph request body the plan and agenda flows send, built by the product's own request builders. */
function productRequests(): { name: string; type: string; action?: string; body: unknown }[] {
  const planned = plannedConversation();
  const view = buildAgendaView(planned, { documents: [], agendaUrl: 'https://contoso.sharepoint.com/a.docx', joinUrl: null });
  const atPlan = meetingInvitation(planned, view);
  const withAgenda = sendAgenda(
    replaceInvitedParticipants(describeSchoolPart(markInvited(planned), 'Områder', 'Spørgsmål?'), [
      { upn: 'peter.lind@sohavn.example', displayName: 'Peter Lind', role: 'participant' },
    ]),
    now,
  );
  const atAgenda: MeetingInvitation = meetingInvitation(
    withAgenda,
    buildAgendaView(withAgenda, {
      documents: [{ name: 'data.pdf', url: 'https://contoso.sharepoint.com/d.pdf' }],
      agendaUrl: null,
      joinUrl: null,
    }),
  );
  return [
    {
      name: 'create event (plan)',
      type: 'microsoft.graph.event',
      body: calendarRequests.createEvent(planned.organizerUpn, atPlan, planned.id).body,
    },
    {
      name: 'update event (send agenda)',
      type: 'microsoft.graph.event',
      body: calendarRequests.updateEvent(planned.organizerUpn, 'evt', atAgenda).body,
    },
    {
      name: 'cancel event',
      type: 'microsoft.graph.event',
      action: 'cancel',
      body: calendarRequests.cancelEvent(planned.organizerUpn, 'evt', 'Aflyst').body,
    },
    {
      name: 'install the Teams app for a person (bot reach)',
      type: 'microsoft.graph.userScopeTeamsAppInstallation',
      body: teamsAppRequests.install('user-id', 'app-id').body,
    },
    {
      name: 'install the Teams app in the meeting’s chat, consenting to its meeting permissions',
      type: 'microsoft.graph.teamsAppInstallation',
      body: meetingRequests.installInChat('19:meeting_x@thread.v2', 'app-id').body,
    },
    {
      name: 'add the live agenda as the meeting chat’s tab',
      type: 'microsoft.graph.teamsTab',
      body: meetingRequests.addTab('19:meeting_x@thread.v2', 'app-id', {
        displayName: 'Udviklingssamtale',
        entityId: planned.id,
        contentUrl: `https://app.example/#/meeting/${planned.id}`,
        websiteUrl: `https://app.example/#/conversations/${planned.id}`,
      }).body,
    },
    {
      name: 'create upload session',
      type: 'microsoft.graph.driveItem',
      action: 'createUploadSession',
      body: driveRequests.createUploadSession('d', ['a'], 'stor.pdf', 9_000_000).body,
    },
  ];
}

describe('the Graph requests the product sends', () => {
  for (const request of productRequests()) {
    it(`fit Microsoft's metadata: ${request.name}`, () => {
      const violations = request.action
        ? validateActionBody(model, request.action, request.type, request.body)
        : validateBody(model, request.type, request.body);
      expect(violations).toEqual([]);
    });
  }

  it('invite only the school leader at planning, and everyone once the agenda is sent', () => {
    const [plan, agenda] = productRequests() as unknown as [{ body: any }, { body: any }];
    expect(plan.body.attendees.map((a: any) => a.emailAddress.address)).toEqual(['anders.holm@sohavn.example']);
    expect(agenda.body.attendees.map((a: any) => a.emailAddress.address)).toEqual([
      'anders.holm@sohavn.example',
      'peter.lind@sohavn.example',
    ]);
    expect(plan.body.start).toEqual({ dateTime: '2027-03-10T09:00:00', timeZone: 'Romance Standard Time' });
    expect(plan.body.transactionId).toBe(plannedConversation().id);
  });
});
