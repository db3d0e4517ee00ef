package dev.agenticore.mcp;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The SDK's HTTP+SSE transport with its session factory wrapped by {@link SseSessions#capturing},
 * so that each stream's SDK session can receive messages that other nodes forward. Everything else
 * goes to the SDK's transport unchanged.
 */
final class CapturingSseProvider implements McpServerTransportProvider {
    private final McpServerTransportProvider transport;
    private final SseSessions sessions;

    CapturingSseProvider(McpServerTransportProvider transport, SseSessions sessions) {
        this.transport = transport;
        this.sessions = sessions;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        transport.setSessionFactory(sessions.capturing(factory));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return transport.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return transport.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }
}
