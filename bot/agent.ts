import { AgentApplication, MemoryStorage, TurnState, type TurnContext } from '@microsoft/agents-hosting';
import { ActivityTypes } from '@microsoft/agents-activity';
import type { AppContext } from '../src/app/app-context.js';
import { AppError, DomainError } from '../src/domain/errors.js';
import { answerReflection } from '../src/app/reflection/answer-reflection.js';
import { roundForParticipant } from '../src/app/reflection/round-for-participant.js';
import { ownEvaluation } from '../src/app/evaluation/own-evaluation.js';
import { submitEvaluation } from '../src/app/evaluation/submit-evaluation.js';
import { ownPreparation } from '../src/app/preparation/own-preparation.js';
import { submitPreparation } from '../src/app/preparation/submit-preparation.js';
import { TeamsAgentExtension } from '@microsoft/agents-hosting-extensions-teams';
import { recordMeetingEnded, recordMeetingStarted, type MeetingRef } from '../src/app/conversation/meeting-events.js';
import { identifyChatUser, type ChatActor } from '../src/app/chat/identify-chat-user.js';
import { upcomingConversations } from '../src/app/chat/upcoming-conversations.js';
import { botTexts, botLocaleOf, type BotLocale } from './bot-texts.js';
import { reflectionCard, reflectionVerbs } from './cards/reflection-card.js';
import { evaluationCard, evaluationVerbs } from './cards/evaluation-card.js';
import { preparationCard, preparationVerbs, questionIdFromInput } from './cards/preparation-card.js';
import { upcomingCard } from './cards/conversation-cards.js';
import { cardContentType, type AdaptiveCard } from './cards/adaptive-card.js';
import {
  conversationRefSchema,
  evaluationSubmitSchema,
  preparationSubmitSchema,
  reflectionAnswerSchema,
  reflectionRefSchema,
} from './card-submits.js';

/** Refusals shown under the card in Teams (an error invoke response); nothing is stored. */
class CardRefusal extends Error {
  constructor(
    readonly code: keyof ReturnType<typeof botTexts>['errors'],
    readonly status = 400,
  ) {
    super(code);
  }
}

async function refuse(context: TurnContext, locale: BotLocale, refusal: CardRefusal) {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 200,
      body: {
        statusCode: refusal.status,
        type: 'application/vnd.microsoft.error',
        value: { code: refusal.code, message: botTexts(locale).errors[refusal.code] },
      },
    },
  } as never);
}

const refusalFor = (error: unknown): CardRefusal => {
  if (error instanceof CardRefusal) return error;
  if (error instanceof DomainError && ['ROUND_CLOSED', 'NOT_IN_ROUND', 'EVALUATION_CLOSED', 'EVALUATION_NOT_YET'].includes(error.code)) {
    return new CardRefusal(error.code as 'ROUND_CLOSED', 403);
  }
  if (error instanceof AppError && ['FORBIDDEN', 'ROUND_NOT_FOUND', 'CONVERSATION_NOT_FOUND'].includes(error.code)) {
    return new CardRefusal('NOT_A_PARTICIPANT', 403);
  }
  return new CardRefusal('UNKNOWN', 500);
};

export interface AgentDeps {
  ctx: AppContext;
  /** Microsoft 365 mode: the tenant every activity must come from. */
  tenantId: string | null;
}

/**
 * The bot: commands in the 1:1 chat, the cards' Universal Actions, and the
 * meeting's end. Every handler finds the person from Teams' own aadObjectId
 * and goes through the same use cases as the tab.
 */
export function createAgent(deps: AgentDeps): AgentApplication<TurnState> {
  const { ctx } = deps;
  const agent = new AgentApplication<TurnState>({ storage: new MemoryStorage(), startTypingTimer: false });

  const actorOrNull = async (context: TurnContext): Promise<ChatActor | null> => {
    const activity = context.activity;
    if (deps.tenantId && activity.conversation?.tenantId !== deps.tenantId) return null;
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId) return null;
    const personal = activity.conversation?.conversationType === 'personal';
    const reference = personal ? activity.getConversationReference() : null;
    return identifyChatUser(ctx, {
      aadObjectId,
      locale: botLocaleOf(activity.locale),
      personalChatReference: reference && {
        serviceUrl: reference.serviceUrl,
        channelId: reference.channelId,
        conversation: reference.conversation,
        bot: reference.agent ?? undefined,
        user: reference.user,
      },
    });
  };

  /** Wraps a card action: find the person, validate the data, turn refusals into error responses. */
  const cardAction =
    (run: (actor: ChatActor, data: unknown) => Promise<AdaptiveCard>) =>
    async (context: TurnContext, _state: TurnState, data: Record<string, unknown>): Promise<AdaptiveCard> => {
      const locale: BotLocale = context.activity.locale?.toLowerCase().startsWith('en') ? 'en' : 'da';
      try {
        const actor = await actorOrNull(context);
        if (!actor) throw new CardRefusal('NOT_A_PARTICIPANT', 403);
        return await run(actor, data?.data ?? data);
      } catch (error) {
        await refuse(context, locale, refusalFor(error));
        return undefined as never;
      }
    };

  const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, data: unknown): T => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new CardRefusal('INVALID_SUBMIT');
    return parsed.data;
  };

  const reflectionFace = async (actor: ChatActor, roundId: string, editing = false) =>
    reflectionCard({ ...(await roundForParticipant(ctx, actor.upn, roundId)), editing }, actor.locale);

  agent.adaptiveCards.actionExecute(
    reflectionVerbs.answer,
    cardAction(async (actor, data) => {
      const submit = parse(reflectionAnswerSchema, data);
      await answerReflection(ctx, actor.upn, submit.roundId, submit.answer);
      return reflectionFace(actor, submit.roundId);
    }),
  );
  agent.adaptiveCards.actionExecute(
    reflectionVerbs.edit,
    cardAction(async (actor, data) => reflectionFace(actor, parse(reflectionRefSchema, data).roundId, true)),
  );
  agent.adaptiveCards.actionExecute(
    reflectionVerbs.refresh,
    cardAction(async (actor, data) => reflectionFace(actor, parse(reflectionRefSchema, data).roundId)),
  );

  const evaluationFace = async (actor: ChatActor, conversationId: string, editing = false) =>
    evaluationCard({ ...(await ownEvaluation(ctx, actor.upn, conversationId)), editing }, actor.locale);
  agent.adaptiveCards.actionExecute(
    evaluationVerbs.answer,
    cardAction(async (actor, data) => {
      const submit = parse(evaluationSubmitSchema, data);
      await submitEvaluation(ctx, actor.upn, submit.conversationId, submit);
      return evaluationFace(actor, submit.conversationId);
    }),
  );
  agent.adaptiveCards.actionExecute(
    evaluationVerbs.edit,
    cardAction(async (actor, data) => evaluationFace(actor, parse(conversationRefSchema, data).conversationId, true)),
  );

  const preparationFace = async (actor: ChatActor, conversationId: string, editing = false) =>
    preparationCard({ ...(await ownPreparation(ctx, actor.upn, conversationId)), editing }, actor.locale);
  agent.adaptiveCards.actionExecute(
    preparationVerbs.answer,
    cardAction(async (actor, data) => {
      const submit = parse(preparationSubmitSchema, data);
      const answers = Object.fromEntries(Object.entries(submit.answers).map(([inputId, text]) => [questionIdFromInput(inputId), text]));
      await submitPreparation(ctx, actor.upn, submit.conversationId, answers);
      return preparationFace(actor, submit.conversationId);
    }),
  );
  agent.adaptiveCards.actionExecute(
    preparationVerbs.edit,
    cardAction(async (actor, data) => preparationFace(actor, parse(conversationRefSchema, data).conversationId, true)),
  );

  // Installing the app (ours, through Graph, or the person's own) brings the chat's reference.
  agent.onConversationUpdate('membersAdded', async (context) => {
    await actorOrNull(context);
  });

  agent.onMessage(/^\s*(hjælp|hjaelp|help|\?)\s*$/i, async (context) => {
    const actor = await actorOrNull(context);
    const locale = actor?.locale ?? (context.activity.locale?.startsWith('en') ? 'en' : 'da');
    await context.sendActivity(botTexts(locale).commands.help);
  });

  agent.onMessage(/^\s*(mine samtaler|my conversations)\s*$/i, async (context) => {
    const actor = await actorOrNull(context);
    const locale = actor?.locale ?? 'da';
    if (!actor) return void (await context.sendActivity(botTexts(locale).commands.unknownUser));
    const facts = await upcomingConversations(ctx, actor.upn);
    await context.sendActivity({
      type: 'message',
      attachments: [{ contentType: cardContentType, content: upcomingCard(facts, locale) }],
    } as never);
  });

  // Teams sends the meeting's start and end to the bot installed in the meeting's chat (RSC OnlineMeeting.ReadBasic.Chat):
  // the meeting is known by its chat, which the sync linked by Graph's ids.
  const meetingOf = (context: TurnContext): MeetingRef => ({
    chatThreadId: String(context.activity.conversation?.id ?? ''),
    joinUrl: (context.activity.value as { JoinUrl?: string } | undefined)?.JoinUrl ?? null,
  });
  agent.registerExtension(new TeamsAgentExtension(agent), (teams) => {
    teams.meeting.onMeetingStart(async (context) => void (await recordMeetingStarted(ctx, meetingOf(context))));
    teams.meeting.onMeetingEnd(async (context) => void (await recordMeetingEnded(ctx, meetingOf(context))));
  });

  agent.onActivity(ActivityTypes.Message, async (context) => {
    const actor = await actorOrNull(context);
    await context.sendActivity(botTexts(actor?.locale ?? 'da').commands.fallback);
  });

  agent.onError(async (context, error) => {
    console.error('Bot turn failed:', error);
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(botTexts('da').errors.UNKNOWN);
  });
  return agent;
}
