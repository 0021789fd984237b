import type { Conversation } from './conversation.js';
import type { RequirementTag } from './requirements.js';

/** The seven formal requirements of Folkeskoleloven § 40 a (seed 001, chapter 2). */
export type RequirementKey =
  'yearlyConversation' | 'rightOfInitiative' | 'municipalityTopics' | 'testResults' | 'followUp' | 'actionPlanStatus' | 'publishedNote';

export type RequirementStatus = 'met' | 'missing' | 'notApplicable';

export interface RequirementCheck {
  number: number;
  key: RequirementKey;
  status: RequirementStatus;
  /** Why, as a text key the tab translates ("noTestResultsItem", …). */
  reason: string;
}

export interface ChecklistFacts {
  /** The school has a handlingsplan or udviklingsplan that must be discussed. */
  schoolHasActionPlan: boolean;
  /** The public note has been published (it has its stable link). */
  notePublished: boolean;
  /** The school has recorded where its website shows the note. */
  websiteUrlRecorded: boolean;
  /** How many earlier conversations the app knows of for the school (0: this may be the first). */
  earlierConversations: number;
}

const heldStatuses = new Set(['held', 'minutesDrafted', 'minutesApproved', 'published']);
const covers = (conversation: Conversation, tag: RequirementTag) => conversation.template.items.some((i) => i.covers.includes(tag));

/** Each requirement as met / missing / not applicable, with the reason shown in the tab. */
export function checkRequirements(conversation: Conversation, facts: ChecklistFacts): RequirementCheck[] {
  const check = (number: number, key: RequirementKey, status: RequirementStatus, reason: string): RequirementCheck => ({
    number,
    key,
    status,
    reason,
  });
  return [
    heldStatuses.has(conversation.status)
      ? check(1, 'yearlyConversation', 'met', 'held')
      : check(1, 'yearlyConversation', 'missing', conversation.status === 'cancelled' ? 'cancelled' : 'notHeldYet'),
    conversation.developmentAreas.trim() && conversation.learningFocus.trim()
      ? check(2, 'rightOfInitiative', 'met', 'schoolDescribed')
      : check(2, 'rightOfInitiative', 'missing', 'schoolNotDescribed'),
    conversation.extraTopics.length > 0 || conversation.theme.trim()
      ? check(3, 'municipalityTopics', 'met', 'municipalityAddedTopics')
      : check(3, 'municipalityTopics', 'notApplicable', 'noMunicipalityTopics'),
    covers(conversation, 'testResults')
      ? check(4, 'testResults', 'met', 'testResultsItem')
      : check(4, 'testResults', 'missing', 'noTestResultsItem'),
    covers(conversation, 'followUp')
      ? check(5, 'followUp', 'met', 'followUpItem')
      : conversation.firstConversation
        ? check(5, 'followUp', 'notApplicable', 'firstConversation')
        : check(5, 'followUp', 'missing', facts.earlierConversations === 0 ? 'noFollowUpItemMaybeFirst' : 'noFollowUpItem'),
    !facts.schoolHasActionPlan
      ? check(6, 'actionPlanStatus', 'notApplicable', 'noActionPlan')
      : covers(conversation, 'actionPlanStatus')
        ? check(6, 'actionPlanStatus', 'met', 'actionPlanItem')
        : check(6, 'actionPlanStatus', 'missing', 'noActionPlanItem'),
    facts.websiteUrlRecorded
      ? check(7, 'publishedNote', 'met', 'noteOnWebsite')
      : check(7, 'publishedNote', 'missing', facts.notePublished ? 'websiteNotRecorded' : 'noteNotPublished'),
  ];
}
