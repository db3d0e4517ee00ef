package dev.agenticore.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.GitException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SyncServiceTest {
    private final List<String> updates = new ArrayList<>();
    private final Path root = Path.of("/tmp/agenticore-sync-test");

    private final ContentRepository recording = (url, branch, directory) -> {
        if (url.contains("broken")) {
            throw new GitException("fetch from " + url + " failed: connection refused");
        }
        updates.add(url + " " + branch + " " + directory);
    };

    @Test
    void selectorAllListsEveryTarget() {
        assertThat(SyncTarget.select("all")).containsExactly(SyncTarget.values());
        assertThat(SyncTarget.select(null)).containsExactly(SyncTarget.values());
        assertThat(SyncTarget.select("")).containsExactly(SyncTarget.values());
        assertThat(SyncTarget.select("bundle")).containsExactly(SyncTarget.BUNDLE);
    }

    @Test
    void unknownSelectorIsRejected() {
        assertThatThrownBy(() -> SyncTarget.select("Bundle"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid target 'Bundle'; expected one of: all, agentihooks, bundle, agentihub");
    }

    @Test
    void resultsCoverOkSkippedAndError() {
        SyncService service = new SyncService(
                List.of(
                        new ContentSource(SyncTarget.BUNDLE, "https://example.invalid/bundle.git", ""),
                        new ContentSource(SyncTarget.AGENTIHUB, "https://example.invalid/broken.git", "dev")),
                recording,
                root,
                false);

        Map<String, String> results = service.sync(SyncTarget.select("all"));

        assertThat(results)
                .containsExactly(
                        Map.entry("agentihooks", "skipped (no url)"),
                        Map.entry("bundle", "ok"),
                        Map.entry(
                                "agentihub",
                                "error: fetch from https://example.invalid/broken.git failed: connection refused"));
        assertThat(updates).containsExactly("https://example.invalid/bundle.git main " + root.resolve("bundle"));
    }

    @Test
    void fileUrlNeedsPermission() {
        ContentSource source = new ContentSource(SyncTarget.BUNDLE, "file:///srv/bundle.git", "main");

        Map<String, String> denied =
                new SyncService(List.of(source), recording, root, false).sync(List.of(SyncTarget.BUNDLE));
        Map<String, String> allowed =
                new SyncService(List.of(source), recording, root, true).sync(List.of(SyncTarget.BUNDLE));

        assertThat(denied.get("bundle")).startsWith("error: invalid URL: file:// URLs are disabled");
        assertThat(allowed.get("bundle")).isEqualTo("ok");
        assertThat(updates).hasSize(1);
    }

    @Test
    void bundleProfilesLiveInBundleCheckout() {
        SyncService service = new SyncService(List.of(), recording, root, false);

        assertThat(service.bundleProfilesDirectory())
                .isEqualTo(root.resolve("bundle").resolve("profiles"));
    }
}
