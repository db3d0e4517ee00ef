package dev.agenticore.app;

import dev.agenticore.core.sync.ContentSource;
import dev.agenticore.core.sync.SyncTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the operations side: the companion content repositories and who may read metrics.
 *
 * <p>Each sync target {@code T} in {@code agentihooks}, {@code bundle} and {@code agentihub} reads
 * {@code AGENTICORE_T_URL} (YAML {@code sync.T.url}) and {@code AGENTICORE_T_BRANCH} (YAML {@code
 * sync.T.branch}, default {@code main}); an empty URL leaves the target unconfigured.
 *
 * @param contentSources one entry per sync target, configured or not
 * @param metricsPublic whether {@code GET /metrics} is served without an API key ({@code
 *     AGENTICORE_METRICS_PUBLIC}, YAML {@code server.metrics_public})
 */
public record OperationsSettings(List<ContentSource> contentSources, boolean metricsPublic) {

    public OperationsSettings {
        contentSources = List.copyOf(contentSources);
    }

    /** Reads the settings with the usual precedence: environment, then YAML, then default. */
    static OperationsSettings load(ConfigSource source) {
        List<ContentSource> sources = new ArrayList<>();
        for (SyncTarget target : SyncTarget.values()) {
            String prefix = "AGENTICORE_" + target.wireName().toUpperCase(Locale.ROOT);
            String yaml = "sync." + target.wireName();
            sources.add(new ContentSource(
                    target,
                    source.string(prefix + "_URL", yaml + ".url", ""),
                    source.string(prefix + "_BRANCH", yaml + ".branch", ContentSource.DEFAULT_BRANCH)));
        }
        return new OperationsSettings(
                sources, source.bool("AGENTICORE_METRICS_PUBLIC", "server.metrics_public", false));
    }
}
