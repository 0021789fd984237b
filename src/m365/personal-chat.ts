import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { teamsAppRequests } from './teams-app-requests.js';
import type { StoredConversationRef } from '../store/chat-users-repository.js';

export interface PersonalChatSettings {
  teamsAppId: string;
  botId: string;
  serviceUrl: string;
}

/**
 * Finds (or opens) the 1:1 chat between a person and our bot: the app is
 * installed in their personal scope if it is not already, and the chat's id
 * read from the installation. The result is a conversation reference the Bot
 * Connector accepts. A concurrent install answers 409, which means "there".
 */
export async function openPersonalChat(
  graph: GraphExecutor,
  settings: PersonalChatSettings,
  userId: string,
): Promise<StoredConversationRef> {
  let installationId = await graph.run(teamsAppRequests.findInstallation(userId, settings.teamsAppId));
  if (!installationId) {
    try {
      installationId = await graph.run(teamsAppRequests.install(userId, settings.teamsAppId));
    } catch (error) {
      if (!(error instanceof GraphError && error.status === 409)) throw error;
      installationId = await graph.run(teamsAppRequests.findInstallation(userId, settings.teamsAppId));
      if (!installationId) throw error;
    }
  }
  const chat = await graph.run(teamsAppRequests.chatOf(userId, installationId));
  return {
    serviceUrl: settings.serviceUrl,
    channelId: 'msteams',
    conversation: { id: chat.id, conversationType: 'personal', ...(chat.tenantId ? { tenantId: chat.tenantId } : {}) },
    bot: { id: `28:${settings.botId}` },
    user: { id: `29:${userId}`, aadObjectId: userId },
  };
}
