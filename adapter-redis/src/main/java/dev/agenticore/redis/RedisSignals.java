package dev.agenticore.redis;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;

/**
 * One subscription per node to the cancel and event channels, on its own thread and connection.
 * Cancel messages call the node's stop handler with the job id; event messages wake the node's
 * event readers. After a lost connection the thread subscribes again with a growing pause, so a
 * message published while Redis was away is missed: see {@link RedisRunningJobs} for how cancels
 * still arrive.
 */
public final class RedisSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisSignals.class);

    private final RedisGateway redis;
    private final Consumer<String> onCancel;
    private final Consumer<String> onEvent;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile JedisPubSub subscription;

    /**
     * Creates the subscription without starting it.
     *
     * @param onCancel called with the id of a job to stop, on the subscriber thread
     * @param onEvent called with the id of a job that has new events, on the subscriber thread
     */
    public RedisSignals(RedisGateway redis, Consumer<String> onCancel, Consumer<String> onEvent) {
        this.redis = redis;
        this.onCancel = onCancel;
        this.onEvent = onEvent;
        this.thread = new Thread(this::subscribeLoop, "agenticore-redis-signals");
        thread.setDaemon(true);
    }

    /** Starts listening; returns at once. */
    public RedisSignals start() {
        thread.start();
        return this;
    }

    /** Asks every node, this one included, to stop the agent of a job. */
    public void publishCancel(String jobId) {
        String channel = redis.keys().cancelChannel();
        redis.call("send the cancel of job " + jobId, client -> client.publish(channel, jobId));
    }

    /** Returns whether the subscription is active now. */
    public boolean isSubscribed() {
        JedisPubSub current = subscription;
        return current != null && current.isSubscribed();
    }

    @Override
    public void close() {
        running = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            current.unsubscribe();
        }
        thread.interrupt();
    }

    private void subscribeLoop() {
        long pause = 100;
        String cancel = redis.keys().cancelChannel();
        String events = redis.keys().eventChannel();
        while (running) {
            JedisPubSub listener = new Listener(cancel);
            subscription = listener;
            try {
                redis.client().subscribe(listener, cancel, events);
                pause = 100;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("The Redis subscription failed; subscribing again in {} ms: {}", pause, e.toString());
            }
            if (!sleep(pause)) {
                return;
            }
            pause = Math.min(pause * 2, 2000);
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private final class Listener extends JedisPubSub {
        private final String cancelChannel;

        Listener(String cancelChannel) {
            this.cancelChannel = cancelChannel;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            log.debug("Subscribed to {}", channel);
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                if (channel.equals(cancelChannel)) {
                    onCancel.accept(message);
                } else {
                    onEvent.accept(message);
                }
            } catch (RuntimeException e) {
                log.warn("Handling a message on {} for job {} failed", channel, message, e);
            }
        }
    }
}
