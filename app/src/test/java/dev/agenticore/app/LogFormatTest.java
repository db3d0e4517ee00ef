package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogFormatTest {
    @Test
    void jsonIsSelectedInAnyCase() {
        assertThat(LogFormat.select("json")).isEqualTo("json");
        assertThat(LogFormat.select(" JSON ")).isEqualTo("json");
    }

    @Test
    void everythingElseIsText() {
        assertThat(LogFormat.select(null)).isEqualTo("text");
        assertThat(LogFormat.select("")).isEqualTo("text");
        assertThat(LogFormat.select("text")).isEqualTo("text");
        assertThat(LogFormat.select("xml")).isEqualTo("text");
    }
}
