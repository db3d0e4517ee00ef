package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z9", "job-1", "4926c06d-e58e-4813-aaf0-2020b3d707a2", "v1.2_rc", "0..1"})
    void acceptsSafeNames(String name) {
        assertThat(FileNames.isSafe(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", ".", "..", ".hidden", "-flag", "_x", "a/b", "a\\b", "a b", "caf\u00e9", "x\n", "\u0661"})
    void rejectsUnsafeNames(String name) {
        assertThat(FileNames.isSafe(name)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(FileNames.isSafe(null)).isFalse();
    }

    @Test
    void limitsLengthTo200() {
        assertThat(FileNames.isSafe("a".repeat(200))).isTrue();
        assertThat(FileNames.isSafe("a".repeat(201))).isFalse();
    }
}
