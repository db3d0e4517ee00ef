package dev.agenticore.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.cluster.SessionRelay;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.params.SetParams;

/**
 * The session relay of one node over Redis. A owned session is a key naming this node, with an
 * expiry that the node renews while the session lasts, so the key of a crashed node goes away by
 * itself. A forwarded message is published on the channel of the owning node, which this node's
 * subscriber thread receives for its own sessions.
 */
public final class RedisSessionRelay implements SessionRelay, AutoCloseable {
    /** Expiry of a session key; the node renews its keys every third of it. */
    static final Duration SESSION_TTL = Duration.ofSeconds(90);
    /** Maximum wait in {@link #start} for the subscription to become active. */
    static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(5);
    /** Pauses between attempts to publish a message that no subscriber received. */
    private static final long[] RETRY_PAUSES_MILLIS = {50, 200, 500};

    private static final Logger log = LoggerFactory.getLogger(RedisSessionRelay.class);

    private final RedisGateway redis;
    /**
     * This process's name in session keys and channels: the pod name and a random suffix, so that a
     * node restarted under the same pod name does not take messages for the streams of its previous
     * process, which ended with it.
     */
    private final String instance;

    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private final Thread subscriber;
    private final Thread renewer;
    private volatile BiConsumer<String, String> receiver = (sessionId, message) -> {};
    private volatile boolean running = true;
    private volatile JedisPubSub subscription;

    RedisSessionRelay(RedisGateway redis, String podName) {
        this.redis = redis;
        this.instance = podName + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.subscriber = new Thread(this::subscribeLoop, "agenticore-session-relay");
        subscriber.setDaemon(true);
        this.renewer = new Thread(this::renewLoop, "agenticore-session-renewal");
        renewer.setDaemon(true);
    }

    /**
     * Starts the subscriber and the renewal of owned sessions. Returns once the subscription is
     * active, or after {@link #SUBSCRIBE_WAIT} when it is not, so that a message forwarded right after
     * start-up finds a subscriber.
     */
    void start() {
        subscriber.start();
        renewer.start();
        long deadline = System.nanoTime() + SUBSCRIBE_WAIT.toNanos();
        while (!isSubscribed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!isSubscribed()) {
            log.warn("The session relay is not subscribed after {} s; it keeps trying", SUBSCRIBE_WAIT.toSeconds());
        }
    }

    @Override
    public void claim(String sessionId) {
        owned.add(sessionId);
        try {
            write(sessionId);
        } catch (StorageException e) {
            // The renewal thread writes the key again once Redis is back.
            log.warn("Announcing session {} failed: {}", sessionId, e.getMessage());
        }
    }

    @Override
    public void release(String sessionId) {
        if (!owned.remove(sessionId)) {
            return;
        }
        try {
            redis.call(
                    "withdraw session " + sessionId,
                    client -> client.del(redis.keys().session(sessionId)));
        } catch (StorageException e) {
            // The key expires by itself.
            log.warn("Withdrawing session {} failed: {}", sessionId, e.getMessage());
        }
    }

    @Override
    public boolean isOwnedElsewhere(String sessionId) {
        String owner = owner(sessionId);
        return owner != null && !owner.equals(instance);
    }

    @Override
    public boolean forward(String sessionId, String message) {
        String owner = owner(sessionId);
        if (owner == null || owner.equals(instance)) {
            return false;
        }
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("session_id", sessionId);
        envelope.put("message", message);
        String channel = redis.keys().sessionChannel(owner);
        String text = Json.write(envelope);
        long receivers = publish(sessionId, channel, text);
        // The owner's subscriber may be reconnecting after a lost connection, so it gets a moment.
        for (int attempt = 0; receivers == 0 && attempt < RETRY_PAUSES_MILLIS.length; attempt++) {
            try {
                Thread.sleep(RETRY_PAUSES_MILLIS[attempt]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            receivers = publish(sessionId, channel, text);
        }
        if (receivers == 0) {
            log.info("Node process {} owns session {} but is not listening; the message is dropped", owner, sessionId);
        }
        return receivers > 0;
    }

    @Override
    public void receive(BiConsumer<String, String> receiver) {
        this.receiver = receiver;
    }

    /** Returns this process's name in session keys and channels. */
    String instance() {
        return instance;
    }

    /** Returns whether the subscription to this node's channel is active now. */
    boolean isSubscribed() {
        JedisPubSub current = subscription;
        return current != null && current.isSubscribed();
    }

    /** Stops the threads and withdraws every session of this node. */
    @Override
    public void close() {
        running = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            current.unsubscribe();
        }
        subscriber.interrupt();
        renewer.interrupt();
        for (String sessionId : Set.copyOf(owned)) {
            release(sessionId);
        }
    }

    private long publish(String sessionId, String channel, String text) {
        return redis.call("forward a message to session " + sessionId, client -> client.publish(channel, text));
    }

    private String owner(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return null;
        }
        return redis.call(
                "look up session " + sessionId,
                client -> client.get(redis.keys().session(sessionId)));
    }

    private void write(String sessionId) {
        redis.call(
                "announce session " + sessionId,
                client -> client.set(
                        redis.keys().session(sessionId),
                        instance,
                        SetParams.setParams().ex(SESSION_TTL.toSeconds())));
    }

    private void renewLoop() {
        long interval = SESSION_TTL.toMillis() / 3;
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            for (String sessionId : Set.copyOf(owned)) {
                try {
                    write(sessionId);
                } catch (StorageException e) {
                    log.warn("Renewing session {} failed: {}", sessionId, e.getMessage());
                }
            }
        }
    }

    private void subscribeLoop() {
        long pause = 100;
        String channel = redis.keys().sessionChannel(instance);
        while (running) {
            JedisPubSub listener = new Listener();
            subscription = listener;
            try {
                redis.client().subscribe(listener, channel);
                pause = 100;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The session relay subscription failed; subscribing again in {} ms: {}", pause, e.toString());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(pause * 2, 2000);
        }
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onMessage(String channel, String text) {
            String sessionId = null;
            try {
                JsonNode envelope = Json.mapper().readTree(text);
                sessionId = envelope.path("session_id").asText("");
                String message = envelope.path("message").asText("");
                if (sessionId.isEmpty() || !owned.contains(sessionId)) {
                    log.info("Dropped a forwarded message for session {}, which this node no longer owns", sessionId);
                    return;
                }
                receiver.accept(sessionId, message);
            } catch (IOException | RuntimeException e) {
                log.warn("Handling a forwarded message for session {} failed", sessionId, e);
            }
        }
    }
}
