import { card, heading, paragraph, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.js';
import { botTexts, formatDay, formatRemaining, formatWhen, interpolate, type BotLocale } from '../bot-texts.js';
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

/**
 * The school leader's reminder to send the agenda. It says how long is
 * really left when it is drawn ("om 27 minutter", "om 9 dage") and whether
 * the 7-day deadline has already passed, never the schedule's threshold.
 */
export function deadlineReminderCard(facts: ConversationFacts, drawnAt: Date, agendaDueAt: Date, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale);
  const deadline = drawnAt.getTime() < agendaDueAt.getTime() ? t.reminder.deadline : t.reminder.deadlinePassed;
  return card(
    locale,
    [
      heading(interpolate(t.reminder.title, { school: facts.schoolName })),
      paragraph(
        interpolate(t.reminder.body, {
          when: formatWhen(facts.startsAt, locale),
          remaining: formatRemaining(facts.startsAt.getTime() - drawnAt.getTime(), locale),
        }),
      ),
      paragraph(interpolate(deadline, { due: formatDay(agendaDueAt, locale) })),
      paragraph(t.reminder.todo),
    ],
    [{ type: 'Action.OpenUrl', title: t.reminder.open, url: facts.conversationUrl }],
  );
}

/** The municipality's reminder to the school leader: what it is waiting for, and the way to it. */
export function nudgeCard(facts: ConversationFacts, items: readonly ('agendaLate' | 'minutesLate' | 'noteNotLinked')[], locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale).nudge;
  return card(
    locale,
    [
      heading(interpolate(t.title, { school: facts.schoolName })),
      paragraph(interpolate(t.intro, { when: formatWhen(facts.startsAt, locale) })),
      ...items.map((item) => paragraph(`- ${t.items[item]}`)),
    ],
    [{ type: 'Action.OpenUrl', title: t.open, url: facts.conversationUrl }],
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
