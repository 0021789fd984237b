import { card, heading, paragraph, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.js';
import { botTexts, formatWhen, interpolate, type BotLocale } from '../bot-texts.js';
import type { ConversationFacts, MinutesLinks } from '../../src/app/ports/chat-sender.js';

/** The first message a participant gets once the agenda is sent: what, when, their role, links. */
export function welcomeCard(facts: ConversationFacts, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale);
  const actions: CardAction[] = [];
  if (facts.agendaUrl) actions.push({ type: 'Action.OpenUrl', title: t.welcome.openAgenda, url: facts.agendaUrl });
  actions.push({ type: 'Action.OpenUrl', title: t.welcome.openConversation, url: facts.conversationUrl });
  return card(
    locale,
    [
      heading(interpolate(t.welcome.title, { school: facts.schoolName })),
      paragraph(t.welcome.intro),
      {
        type: 'FactSet',
        facts: [
          { title: t.welcome.when, value: formatWhen(facts.startsAt, locale) },
          { title: t.welcome.role, value: t.roles[facts.role] },
          ...(facts.theme ? [{ title: t.welcome.theme, value: facts.theme }] : []),
        ],
      },
    ],
    actions,
  );
}

export function deadlineReminderCard(facts: ConversationFacts, daysBefore: number, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale);
  return card(
    locale,
    [
      heading(interpolate(t.reminder.title, { school: facts.schoolName })),
      paragraph(interpolate(t.reminder.body, { days: daysBefore, when: formatWhen(facts.startsAt, locale) })),
    ],
    [{ type: 'Action.OpenUrl', title: t.reminder.open, url: facts.conversationUrl }],
  );
}

/** "mine samtaler": the person's upcoming conversations, newest last, each with its link. */
export function upcomingCard(conversations: readonly ConversationFacts[], locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale);
  const body: CardElement[] = [heading(t.commands.upcomingTitle)];
  if (conversations.length === 0) body.push(paragraph(t.commands.noUpcoming));
  for (const c of conversations) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(`[${c.schoolName}](${c.conversationUrl})`, { weight: 'bolder' }),
        paragraph(`${formatWhen(c.startsAt, locale)} · ${t.roles[c.role]}`, { isSubtle: true, spacing: 'none' }),
      ],
    });
  }
  return card(locale, body);
}

/** The approved minutes, with the links the participants need; sent instead of a mail when the bot can reach them. */
export function minutesCard(input: MinutesLinks, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale).minutes;
  return card(
    locale,
    [heading(interpolate(t.title, { school: input.schoolName })), paragraph(t.body)],
    [
      { type: 'Action.OpenUrl', title: t.internal, url: input.internalUrl },
      { type: 'Action.OpenUrl', title: t.publicDocx, url: input.publicDocxUrl },
      { type: 'Action.OpenUrl', title: t.publicNote, url: input.publicNoteUrl },
    ],
  );
}

/** Drawn over a person's open cards when the school leader takes them off the conversation. */
export function noLongerParticipantCard(schoolName: string, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale).removed;
  return card(locale, [heading(interpolate(t.title, { school: schoolName })), paragraph(t.body)]);
}
