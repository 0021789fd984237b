import type { ChatReference, PersonalChats } from '../app/ports/chat-sender.js';
import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { teamsAppRequests } from './teams-app-requests.js';

export interface PersonalChatSettings {
  /** The app's id in the tenant's app catalog. */
  teamsAppId: string;
  botId: string;
  /** Where the Bot Connector is for a first message. */
  serviceUrl: string;
}

/**
 * Finds (or opens) the 1:1 chat between a person and our bot: the app is
 * installed in their personal scope if it is not already, and the chat's id
 * read from the installation. The result is a conversation reference the Bot
 * Connector accepts. A concurrent install answers 409, which means "there".
 */
export function graphPersonalChats(graph: GraphExecutor, settings: PersonalChatSettings): PersonalChats {
  return {
    async open(userId): Promise<ChatReference> {
      let installationId = await graph.send(teamsAppRequests.findInstallation(userId, settings.teamsAppId));
      if (!installationId) {
        try {
          installationId = await graph.send(teamsAppRequests.install(userId, settings.teamsAppId));
        } catch (error) {
          if (!(error instanceof GraphError && error.status === 409)) throw error;
          installationId = await graph.send(teamsAppRequests.findInstallation(userId, settings.teamsAppId));
          if (!installationId) throw error;
        }
      }
      const chat = await graph.send(teamsAppRequests.chatOf(userId, installationId));
      return {
        serviceUrl: settings.serviceUrl,
        channelId: 'msteams',
        conversation: { id: chat.id, conversationType: 'personal', ...(chat.tenantId ? { tenantId: chat.tenantId } : {}) },
        bot: { id: `28:${settings.botId}` },
        user: { id: `29:${userId}`, aadObjectId: userId },
      };
    },
  };
}
