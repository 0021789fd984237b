import { describe, expect, it } from 'vitest';
import { checkRequirements } from '../../src/domain/requirements-checklist.js';
import { describeSchoolPart } from '../../src/domain/conversation.js';
import { plannedConversation, seedTemplate } from '../support/factories.js';

const statuses = (checks: ReturnType<typeof checkRequirements>) =>
  Object.fromEntries(checks.map((c) => [c.key, `${c.status}:${c.reason}`]));

describe('the § 40 a checklist', () => {
  it('shows what a freshly planned conversation still lacks', () => {
    const checks = checkRequirements(plannedConversation({ template: seedTemplate('aarhus-2025'), theme: '' }), {
      schoolHasActionPlan: false,
      notePublished: false,
      websiteUrlRecorded: false,
      earlierConversations: 1,
    });
    expect(checks.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(statuses(checks)).toEqual({
      yearlyConversation: 'missing:notHeldYet',
      rightOfInitiative: 'missing:schoolNotDescribed',
      municipalityTopics: 'notApplicable:noMunicipalityTopics',
      testResults: 'met:testResultsItem',
      followUp: 'missing:noFollowUpItem',
      actionPlanStatus: 'notApplicable:noActionPlan',
      publishedNote: 'missing:noteNotPublished',
    });
  });

  it('is all met for a published conversation on the CBL template with an action plan', () => {
    const published = {
      ...describeSchoolPart(plannedConversation({ template: seedTemplate('cbl-erfaringer-viden-ansvar') }), 'Områder', 'Spørgsmål?'),
      status: 'published' as const,
    };
    const checks = checkRequirements(published, {
      schoolHasActionPlan: true,
      notePublished: true,
      websiteUrlRecorded: true,
      earlierConversations: 1,
    });
    expect(checks.every((c) => c.status === 'met')).toBe(true);
  });

  it('asks for the website address once the note has its stable link', () => {
    const checks = checkRequirements(plannedConversation(), {
      schoolHasActionPlan: false,
      notePublished: true,
      websiteUrlRecorded: false,
      earlierConversations: 1,
    });
    expect(checks.find((c) => c.key === 'publishedNote')).toMatchObject({ status: 'missing', reason: 'websiteNotRecorded' });
  });

  it('misses the action-plan item when the school has a plan and the template has no such item', () => {
    const checks = checkRequirements(plannedConversation({ template: seedTemplate('aarhus-2025') }), {
      schoolHasActionPlan: true,
      notePublished: false,
      websiteUrlRecorded: false,
      earlierConversations: 1,
    });
    expect(checks.find((c) => c.key === 'actionPlanStatus')).toMatchObject({ status: 'missing', reason: 'noActionPlanItem' });
  });
});
