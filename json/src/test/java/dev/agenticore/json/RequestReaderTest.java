package dev.agenticore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.job.JobRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    @Test
    void missingFieldsTakeDefaults() {
        JobRequest request = read("{\"task\": \"fix it\"}").toRequest();

        assertThat(request.baseRef()).isEqualTo("main");
        assertThat(request.privateRepo()).isTrue();
        assertThat(request.createRepo()).isFalse();
        assertThat(request.waitForResult()).isFalse();
        assertThat(request.repoUrl()).isEmpty();
    }

    @Test
    void privateAndWaitUseTheirWireNames() {
        JobRequest request =
                read("{\"task\": \"t\", \"private\": false, \"wait\": true}").toRequest();

        assertThat(request.privateRepo()).isFalse();
        assertThat(request.waitForResult()).isTrue();
    }

    @Test
    void wrongTypeNamesTheField() {
        assertThatThrownBy(() -> read("{\"task\": \"t\", \"wait\": \"yes\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("field 'wait' must be a boolean (true or false)");
        assertThatThrownBy(() -> read("{\"task\": 5}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("field 'task' must be a string");
    }

    @Test
    void unknownFieldIsRejectedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> read("{\"task\": \"t\", \"repo\": \"x\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("unknown field 'repo'; accepted fields: base_ref, create_repo");
    }

    @Test
    void malformedAndEmptyBodiesAreRejected() {
        assertThatThrownBy(() -> read("{\"task\": "))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("the request body is not valid JSON");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("the request body is empty; send a JSON object");
        assertThatThrownBy(() -> read("[1, 2]"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("the request body must be a JSON object, not array");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = {'{', '"', 't', 'a', 's', 'k', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> RequestReader.read(body, JobRequestBody.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("the request body is not valid JSON");
    }

    private static JobRequestBody read(String json) {
        return RequestReader.read(json.getBytes(StandardCharsets.UTF_8), JobRequestBody.class);
    }
}
