package dev.agenticore.app;

import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.chat.AgentModeSettings;
import dev.agenticore.core.chat.ChatService;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.file.FileCompletionStore;
import dev.agenticore.file.FileConversationStore;
import dev.agenticore.file.FileStreamSettingsStore;
import dev.agenticore.rest.ChatCompletionRoutes;
import dev.agenticore.rest.CompletionRoutes;
import dev.agenticore.rest.RestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent-mode part of the server: file stores under {@code $AGENTICORE_HOME/agent}, the chat
 * and completion services on the shared agent capacity, and their routes.
 *
 * @param chat serves {@code /v1/chat/completions}
 * @param completions runs the completions API and the {@code agent_completions} tool
 */
record AgentModeWiring(ChatService chat, CompletionService completions) {

    /** Builds the services of agent mode. */
    static AgentModeWiring create(
            ServerConfig config, AgentRunner runner, ProfileCatalog profiles, AgentCapacity capacity, Clock clock) {
        AgentModeSettings settings = config.agentMode().settings();
        Path state = config.home().resolve("agent");
        String profileName = config.agentMode().profile().isEmpty()
                ? config.defaultProfile()
                : config.agentMode().profile();
        ProfileRouter router = new ProfileRouter(profiles, profileName);
        Supplier<Profile> profile = () -> router.route("");
        ChatService chat = new ChatService(
                settings,
                runner,
                profile,
                capacity,
                new FileConversationStore(state.resolve("conversations")),
                new FileStreamSettingsStore(state.resolve("stream-settings")),
                clock);
        CompletionService completions = new CompletionService(
                settings, runner, profile, capacity, new FileCompletionStore(state.resolve("completions")), clock);
        completions.recover();
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
}
