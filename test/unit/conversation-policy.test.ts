import { describe, expect, it } from 'vitest';
import { conversationPolicy } from '../../src/policies/conversation-policy.js';
import { plannedConversation } from '../support/factories.js';

const conversation = plannedConversation();
const municipalLead = { upn: 'mette.lund@sohavn.example', isMunicipalLead: true };
const schoolLeader = { upn: 'ANDERS.HOLM@sohavn.example', isMunicipalLead: false };
const otherLeader = { upn: 'sofie.berg@sohavn.example', isMunicipalLead: false };

describe('who may do what with a conversation', () => {
  it('lets only municipal leads plan', () => {
    expect(conversationPolicy.canPlan(municipalLead)).toBe(true);
    expect(conversationPolicy.canPlan(schoolLeader)).toBe(false);
  });

  it('lets the municipal lead and the participants read, and nobody else', () => {
    expect(conversationPolicy.canRead(municipalLead, conversation)).toBe(true);
    expect(conversationPolicy.canRead(schoolLeader, conversation)).toBe(true);
    expect(conversationPolicy.canRead(otherLeader, conversation)).toBe(false);
  });

  it('gives the school’s part to the school leader alone, not even the municipal lead', () => {
    expect(conversationPolicy.canEditSchoolPart(schoolLeader, conversation)).toBe(true);
    expect(conversationPolicy.canEditSchoolPart(municipalLead, conversation)).toBe(false);
    expect(conversationPolicy.canEditSchoolPart(otherLeader, conversation)).toBe(false);
  });

  it('lets the municipality, who invited, cancel — not the school leader', () => {
    expect(conversationPolicy.canCancel(municipalLead)).toBe(true);
    expect(conversationPolicy.canCancel(schoolLeader)).toBe(false);
  });

  it('lets the municipal lead and the school leader retry failed Microsoft 365 work', () => {
    expect(conversationPolicy.canRetrySideEffects(municipalLead, conversation)).toBe(true);
    expect(conversationPolicy.canRetrySideEffects(schoolLeader, conversation)).toBe(true);
    expect(conversationPolicy.canRetrySideEffects(otherLeader, conversation)).toBe(false);
  });
});
