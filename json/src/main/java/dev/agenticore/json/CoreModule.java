package dev.agenticore.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.core.workspace.Worktree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Jackson module with the serializers and mix-ins that give core types their wire names. */
final class CoreModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    CoreModule() {
        super("agenticore-core");
        addSerializer(Instant.class, new InstantSerializer());
        addDeserializer(Instant.class, new InstantDeserializer());
        addSerializer(JobStatus.class, new StatusSerializer());
        addDeserializer(JobStatus.class, new StatusDeserializer());
        addSerializer(Worktree.Status.class, new WorktreeStatusSerializer());
        addDeserializer(Worktree.Status.class, new WorktreeStatusDeserializer());
        addSerializer(Path.class, new PathSerializer());
        addDeserializer(Path.class, new PathDeserializer());
        setMixInAnnotation(Job.class, JobMixIn.class);
        addSerializer(AgentEvent.class, new AgentEventCodec.Serializer());
        addDeserializer(AgentEvent.class, new AgentEventCodec.Deserializer());
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(WireTimestamps.format(value));
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return WireTimestamps.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO 8601 timestamp");
            }
        }
    }

    private static final class StatusSerializer extends JsonSerializer<JobStatus> {
        @Override
        public void serialize(JobStatus value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.wireName());
        }
    }

    private static final class StatusDeserializer extends JsonDeserializer<JobStatus> {
        @Override
        public JobStatus deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return JobStatus.fromWireName(parser.getValueAsString());
            } catch (InvalidRequestException e) {
                return (JobStatus)
                        context.handleWeirdStringValue(JobStatus.class, parser.getValueAsString(), e.getMessage());
            }
        }
    }

    private static final class WorktreeStatusSerializer extends JsonSerializer<Worktree.Status> {
        @Override
        public void serialize(Worktree.Status value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.wireName());
        }
    }

    private static final class WorktreeStatusDeserializer extends JsonDeserializer<Worktree.Status> {
        @Override
        public Worktree.Status deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return Worktree.Status.valueOf(text.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return (Worktree.Status)
                        context.handleWeirdStringValue(Worktree.Status.class, text, "unknown worktree status");
            }
        }
    }

    private static final class PathSerializer extends JsonSerializer<Path> {
        @Override
        public void serialize(Path value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class PathDeserializer extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Path.of(parser.getValueAsString());
        }
    }

    abstract static class JobMixIn {
        @JsonProperty("private")
        abstract boolean privateRepo();
    }
}
