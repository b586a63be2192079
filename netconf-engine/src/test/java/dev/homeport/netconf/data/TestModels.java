package dev.homeport.netconf.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * Schemas for the data layer's tests, built from YANG files: the shared corpus of published modules
 * ({@code ../shared/corpus} beside the project) and this module's test resources. Test-only: the engine's real
 * schema machinery (device schemas, module caches) lives in {@code dev.homeport.netconf.schema}.
 */
final class TestModels {
    static final String TEST_NS = "urn:homeport:data-test";
    static final String TEST_REVISION = "2026-01-01";

    private static EffectiveModelContext ietf;
    private static EffectiveModelContext openconfig;

    private TestModels() {
    }

    static Path corpus() {
        Path corpus = dev.homeport.netconf.testing.ProjectPaths.corpus();
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException("the YANG corpus is missing: expected " + corpus
                    + " (shared/corpus beside the project, or set HOMEPORT_SHARED)");
        }
        return corpus;
    }

    static Path testModule() {
        try {
            return Path.of(TestModels.class.getResource("/yang/homeport-data-test.yang").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A schema from YANG files. {@code libraries} are used only where imported. {@code features}: the supported
     * features, or null for all of them.
     */
    static EffectiveModelContext load(Collection<Path> files, Collection<Path> libraries, Set<QName> features) {
        @SuppressWarnings("removal")
        YangParser parser = new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
        try {
            for (Path f : files) {
                parser.addSource(new FileYangTextSource(f));
            }
            for (Path f : libraries) {
                parser.addLibSource(new FileYangTextSource(f));
            }
            if (features != null) {
                parser.setSupportedFeatures(FeatureSet.of(features));
            }
            return parser.buildEffectiveModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (YangParserException e) {
            throw new IllegalStateException("cannot build the schema: " + e.getMessage(), e);
        }
    }

    /** The test module alone, with the given features (null: all). */
    static EffectiveModelContext testModuleOnly(Set<QName> features) {
        return load(List.of(testModule()), List.of(), features);
    }

    /** ietf-interfaces, ietf-ip, ietf-system, iana-if-type (RFC 7223/8343, 7277/8344, 7317) and the test module. */
    static synchronized EffectiveModelContext ietf() {
        if (ietf == null) {
            Path c = corpus().resolve("ietf");
            ietf = load(List.of(c.resolve("ietf-interfaces@2018-02-20.yang"), c.resolve("ietf-ip@2018-02-22.yang"),
                            c.resolve("ietf-system@2014-08-06.yang"), c.resolve("iana-if-type@2014-05-08.yang"),
                            testModule()),
                    List.of(c.resolve("ietf-inet-types@2013-07-15.yang"), c.resolve("ietf-yang-types@2013-07-15.yang"),
                            c.resolve("ietf-netconf-acm@2018-02-14.yang"), c.resolve("iana-crypt-hash@2014-08-06.yang")),
                    null);
        }
        return ietf;
    }

    /** openconfig-interfaces with openconfig-if-ip (addresses) and openconfig-if-ethernet, from the release models. */
    static synchronized EffectiveModelContext openconfig() {
        if (openconfig == null) {
            Path oc = corpus().resolve("openconfig");
            Path models = oc.resolve("release/models");
            List<Path> all;
            try (Stream<Path> s = Stream.concat(Files.walk(models), Files.walk(oc.resolve("third_party")))) {
                all = s.filter(p -> p.toString().endsWith(".yang")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Path> main = List.of(models.resolve("interfaces/openconfig-interfaces.yang"),
                    models.resolve("interfaces/openconfig-if-ip.yang"),
                    models.resolve("interfaces/openconfig-if-ethernet.yang"));
            openconfig = load(main, importClosure(main, all), null);
        }
        return openconfig;
    }

    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:import|include)\\s+([\\w.-]+)", Pattern.MULTILINE);

    /** The files of {@code candidates} that {@code main} imports or includes, directly or not (by file name). */
    static List<Path> importClosure(List<Path> main, List<Path> candidates) {
        Map<String, Path> byModule = new HashMap<>();
        for (Path p : candidates) {
            String file = p.getFileName().toString();
            byModule.putIfAbsent(file.replaceFirst("(@[^.]*)?\\.yang$", ""), p);
        }
        Set<Path> seen = new LinkedHashSet<>(main);
        Deque<Path> todo = new ArrayDeque<>(main);
        while (!todo.isEmpty()) {
            Matcher m;
            try {
                m = IMPORT.matcher(Files.readString(todo.pop()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            while (m.find()) {
                Path dep = byModule.get(m.group(1));
                if (dep != null && seen.add(dep)) {
                    todo.add(dep);
                }
            }
        }
        seen.removeAll(main);
        return List.copyOf(seen);
    }

    static QName testFeature(String name) {
        return QName.create(TEST_NS, TEST_REVISION, name);
    }
}
