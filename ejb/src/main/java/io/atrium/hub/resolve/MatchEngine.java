package io.atrium.hub.resolve;

import io.atrium.resolution.cluster.ClusterPartitioner;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.resolve.IncrementalResolver;
import io.atrium.resolution.survivorship.Survivorship;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The resolution engine as the hub runs it: the match settings (the shipped defaults, or the file
 * named by {@code atrium.match.settings-file}) and the scorer, incremental resolver, partitioner and
 * survivorship built from them. All are immutable and thread-safe.
 */
@ApplicationScoped
public class MatchEngine {

    @Inject
    @ConfigProperty(name = "atrium.match.settings-file")
    Optional<String> settingsFile;

    private MatchSettings settings;
    private Scorer scorer;
    private IncrementalResolver resolver;
    private ClusterPartitioner partitioner;
    private Survivorship survivorship;

    @PostConstruct
    void build() {
        settings = settingsFile.filter(f -> !f.isBlank()).map(f -> MatchSettings.load(Path.of(f))).orElseGet(MatchSettings::defaults);
        scorer = new Scorer(settings);
        resolver = new IncrementalResolver(scorer);
        partitioner = new ClusterPartitioner(scorer);
        survivorship = new Survivorship(settings);
    }

    public MatchSettings settings() { return settings; }
    public Scorer scorer() { return scorer; }
    public IncrementalResolver resolver() { return resolver; }
    public ClusterPartitioner partitioner() { return partitioner; }
    public Survivorship survivorship() { return survivorship; }
}
