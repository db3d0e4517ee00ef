package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.chat.StreamSettings;
import dev.agenticore.core.chat.StreamSettingsStore;
import dev.agenticore.testkit.contract.StreamSettingsStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamSettingsStoreContractTest extends StreamSettingsStoreContract {
    @TempDir
    Path root;

    @Override
    protected StreamSettingsStore newStore() {
        return new FileStreamSettingsStore(root.resolve("stream-settings"));
    }

    @Test
    void settingsSurviveReopen() {
        store().save("anton", new StreamSettings(false, true));

        assertThat(newStore().find("anton")).contains(new StreamSettings(false, true));
    }

    @Test
    void missingKeyTakesDefault() throws Exception {
        Files.writeString(root.resolve("stream-settings/anton.json"), "{\"show_tools\": false}");

        assertThat(store().find("anton")).contains(new StreamSettings(true, false));
    }

    @Test
    void unsafeAgentIdIsRejected() {
        assertThatThrownBy(() -> store().save("../x", StreamSettings.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent id '../x' is invalid");
    }
}
