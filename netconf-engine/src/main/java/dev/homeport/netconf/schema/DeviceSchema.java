package dev.homeport.netconf.schema;

import dev.homeport.netconf.ops.NetconfClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * A device's schema: discovery ({@link ModuleDiscovery}), download ({@link SchemaDownloader}) and build
 * ({@link SchemaBuilder}) in one call. Problems of any module or source become {@link #warnings()} and, at worst, a
 * partial schema; {@link #load} fails only when cancelled, and never touches the session beyond its RPCs.
 */
public final class DeviceSchema {

    /**
     * How to load.
     *
     * @param sources        discovery sources to ask
     * @param maxOutstanding get-schema RPCs in flight at once
     * @param cancellation   lets another thread stop the load
     */
    public record Options(Set<DiscoverySource> sources, int maxOutstanding, Cancellation cancellation) {
        public Options {
            sources = sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
            if (maxOutstanding < 1) {
                throw new IllegalArgumentException("maxOutstanding must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options(EnumSet.allOf(DiscoverySource.class), SchemaDownloader.DEFAULT_MAX_OUTSTANDING,
                    Cancellation.none());
        }

        public Options withSources(Set<DiscoverySource> s) {
            return new Options(s, maxOutstanding, cancellation);
        }

        public Options withMaxOutstanding(int n) {
            return new Options(sources, n, cancellation);
        }

        public Options withCancellation(Cancellation c) {
            return new Options(sources, maxOutstanding, c);
        }
    }

    /** Wall time of each stage. */
    public record Timing(Duration discovery, Duration download, Duration build, Duration total) {
        @Override
        public String toString() {
            return "discovery " + discovery.toMillis() + " ms, download " + download.toMillis() + " ms, build "
                    + build.toMillis() + " ms, total " + total.toMillis() + " ms";
        }
    }

    private final DeviceModules modules;
    private final DownloadReport download;
    private final SchemaBuildReport build;
    private final List<SchemaWarning> warnings;
    private final Timing timing;
    private final int getSchemaConcurrency;

    private DeviceSchema(DeviceModules modules, DownloadReport download, SchemaBuildReport build,
                         List<SchemaWarning> warnings, Timing timing, int getSchemaConcurrency) {
        this.getSchemaConcurrency = getSchemaConcurrency;
        this.modules = modules;
        this.download = download;
        this.build = build;
        this.warnings = List.copyOf(warnings);
        this.timing = timing;
    }

    public static DeviceSchema load(NetconfClient client, ModuleCache cache, SchemaProgressListener listener) {
        return load(client, cache, listener, Options.defaults());
    }

    /**
     * Discovers, downloads and builds.
     *
     * @throws CancellationException when {@code options.cancellation()} is cancelled
     */
    public static DeviceSchema load(NetconfClient client, ModuleCache cache, SchemaProgressListener listener,
                                    Options options) {
        SchemaProgressListener progress = SchemaProgressListener.guarded(listener);
        Cancellation cancel = options.cancellation();
        long t0 = System.nanoTime();
        progress.progress(SchemaProgress.of(SchemaProgress.Stage.DISCOVERING, 0, 0, null,
                "asking " + client.session().peer() + " for its modules"));
        DeviceModules modules = ModuleDiscovery.discover(client, options.sources());
        cancel.check("schema discovery");
        progress.progress(SchemaProgress.of(SchemaProgress.Stage.DISCOVERED, 0, modules.modules().size(), null,
                modules.toString()));
        long t1 = System.nanoTime();

        boolean getSchema = ModuleDiscovery.offersGetSchema(client.capabilities(), modules);
        int concurrency = DeviceQuirks.getSchemaOneAtATime(client.capabilities()) ? 1 : options.maxOutstanding();
        DownloadReport download = new SchemaDownloader(cache, concurrency).download(modules,
                getSchema ? SchemaDownloader.getSchema(client) : null, client.session().peer(), progress, cancel);
        long t2 = System.nanoTime();

        SchemaBuildReport build = new SchemaBuilder().build(download.sources(), modules, download.unavailable(),
                progress, cancel);
        long t3 = System.nanoTime();

        List<SchemaWarning> warnings = new ArrayList<>();
        for (String note : modules.notes()) {
            warnings.add(SchemaWarning.of(SchemaWarning.Kind.DISCOVERY, null, note));
        }
        if (modules.isEmpty()) {
            warnings.add(SchemaWarning.of(SchemaWarning.Kind.DISCOVERY, null, client.session().peer()
                    + " lists no modules (no hello module capabilities, YANG library or netconf-state schemas)"));
        }
        for (ModuleOutcome o : download.outcomes()) {
            // failures show up in the build's warnings with what they cost; here only the notes of successes:
            // downloaded despite a cache problem, or taken from the cache because the device failed
            if (o.ok() && o.problem().isPresent()) {
                warnings.add(SchemaWarning.of(o.status() == ModuleOutcome.Status.DOWNLOADED
                        ? SchemaWarning.Kind.CACHE : SchemaWarning.Kind.DOWNLOAD, o.requested(), o.problem().get()));
            }
        }
        warnings.addAll(build.warnings());
        Timing timing = new Timing(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2),
                Duration.ofNanos(t3 - t0));
        DeviceSchema schema = new DeviceSchema(modules, download, build, warnings, timing, concurrency);
        progress.progress(SchemaProgress.of(SchemaProgress.Stage.FINISHED, build.included().size(),
                modules.modules().size(), null, schema.summary()));
        return schema;
    }

    /** The schema (partial when {@link #partial()}). */
    public EffectiveModelContext context() {
        return build.context();
    }

    /** What the device said it has. */
    public DeviceModules modules() {
        return modules;
    }

    public DownloadReport download() {
        return download;
    }

    public SchemaBuildReport build() {
        return build;
    }

    /** Everything worth telling the user, most important (lost modules) included with what they cost. */
    public List<SchemaWarning> warnings() {
        return warnings;
    }

    /**
     * How many get-schema RPCs were allowed in flight: the option, or 1 for devices known to fail otherwise
     * (yuma123).
     */
    public int getSchemaConcurrency() {
        return getSchemaConcurrency;
    }

    public boolean partial() {
        return build.partial();
    }

    public Timing timing() {
        return timing;
    }

    /** One line for status bars and logs. */
    public String summary() {
        return build.included().size() + " modules and submodules in the schema" + (build.partial()
                ? ", " + build.dropped().size() + " left out" : "") + "; " + download.count(
                ModuleOutcome.Status.DOWNLOADED) + " downloaded, " + download.count(ModuleOutcome.Status.CACHED)
                + " from the cache, " + download.failures().size() + " failed; " + timing;
    }

    @Override
    public String toString() {
        return summary();
    }
}
