package dev.agenticore.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.agenticore.core.agent.AgentEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentEventJsonTest {
    @Test
    void eventsInsideObjectReadBack() throws Exception {
        Map<String, AgentEvent> events = new LinkedHashMap<>();
        events.put("first", new AgentEvent.TextDelta("hello"));
        events.put("second", new AgentEvent.ToolResult("t1", "ok", false));

        Map<String, AgentEvent> read =
                Json.mapper().readValue(Json.write(events), new TypeReference<Map<String, AgentEvent>>() {});

        assertThat(read).containsExactlyEntriesOf(events);
    }

    @Test
    void eventsInsideListReadBack() throws Exception {
        List<AgentEvent> events = List.of(new AgentEvent.Output("a"), new AgentEvent.AssistantText("b"));

        List<AgentEvent> read = Json.mapper().readValue(Json.write(events), new TypeReference<List<AgentEvent>>() {});

        assertThat(read).containsExactlyElementsOf(events);
    }
}
