package dev.agenticore.app;

import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.chat.AgentModeSettings;
import dev.agenticore.core.chat.ChatService;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.chat.CompletionStore;
import dev.agenticore.core.chat.ConversationLocks;
import dev.agenticore.core.chat.ConversationStore;
import dev.agenticore.core.chat.LocalConversationLocks;
import dev.agenticore.core.chat.NodeLiveness;
import dev.agenticore.core.chat.StreamSettingsStore;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.file.FileCompletionStore;
import dev.agenticore.file.FileConversationStore;
import dev.agenticore.file.FileStreamSettingsStore;
import dev.agenticore.redis.RedisCluster;
import dev.agenticore.rest.ChatCompletionRoutes;
import dev.agenticore.rest.CompletionRoutes;
import dev.agenticore.rest.RestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent-mode part of the server: the stores (in Redis when the server has one, else files
 * under {@code $AGENTICORE_HOME/agent}), the chat and completion services on the shared agent
 * capacity, and their routes.
 *
 * @param chat serves {@code /v1/chat/completions}
 * @param completions runs the completions API and the {@code agent_completions} tool
 */
record AgentModeWiring(ChatService chat, CompletionService completions) {

    /**
     * Builds the services of agent mode and fails the completions that stopped nodes left
     * unfinished. With Redis, it also starts the sweep that fails them while the server runs.
     *
     * @param redis the node's Redis adapters, or null for a server on files alone
     */
    static AgentModeWiring create(
            ServerConfig config,
            AgentRunner runner,
            ProfileCatalog profiles,
            AgentCapacity capacity,
            RedisCluster redis,
            Clock clock) {
        AgentModeSettings settings = config.agentMode().settings();
        String profileName = config.agentMode().profile().isEmpty()
                ? config.defaultProfile()
                : config.agentMode().profile();
        ProfileRouter router = new ProfileRouter(profiles, profileName);
        Supplier<Profile> profile = () -> router.route("");
        Stores stores =
                redis != null ? Stores.redis(redis) : Stores.files(config.home().resolve("agent"));
        ChatService chat = new ChatService(
                settings,
                runner,
                profile,
                capacity,
                stores.conversations(),
                stores.streamSettings(),
                stores.conversationLocks(),
                clock);
        CompletionService completions = new CompletionService(
                settings,
                config.jobs().podName(),
                stores.nodes(),
                runner,
                profile,
                capacity,
                stores.completions(),
                clock);
        completions.recover();
        if (redis != null) {
            completions.startSweeping(config.agentMode().completionSweepInterval());
        }
        return new AgentModeWiring(chat, completions);
    }

    /** Adds the agent-mode routes. */
    void addRoutes(RestServer.Builder rest, ServerConfig config, Clock clock) {
        rest.routes(new ChatCompletionRoutes(chat, config.agentMode().keepAliveInterval(), clock))
                .routes(new CompletionRoutes(completions));
    }

    /** Returns the fields that {@code GET /health} adds. */
    Map<String, Object> healthDetails() {
        return chat.settings().healthDetails();
    }

    /**
     * The stores of agent mode, the conversation locks, and how to tell whether another node
     * sharing them runs.
     *
     * @param conversationLocks in Redis, or in this process for files, which no other node shares
     * @param nodes {@link NodeLiveness#STANDALONE} for files
     */
    private record Stores(
            ConversationStore conversations,
            StreamSettingsStore streamSettings,
            CompletionStore completions,
            ConversationLocks conversationLocks,
            NodeLiveness nodes) {

        static Stores redis(RedisCluster redis) {
            return new Stores(
                    redis.conversationStore(),
                    redis.streamSettingsStore(),
                    redis.completionStore(),
                    redis.conversationLocks(),
                    redis::isNodeAlive);
        }

        static Stores files(Path state) {
            return new Stores(
                    new FileConversationStore(state.resolve("conversations")),
                    new FileStreamSettingsStore(state.resolve("stream-settings")),
                    new FileCompletionStore(state.resolve("completions")),
                    new LocalConversationLocks(),
                    NodeLiveness.STANDALONE);
        }
    }
}
