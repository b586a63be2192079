package dev.homeport.netconf.schema;

import dev.homeport.netconf.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Module texts for schema tests: published modules from the shared corpus, and this package's own fixtures. */
final class TestModules {
    private TestModules() {
    }

    /** A file of {@code ../shared/corpus/ietf}, e.g. {@code ietf-interfaces@2018-02-20.yang}. */
    static Path corpus(String file) {
        return ProjectPaths.corpus().resolve("ietf").resolve(file);
    }

    /** A fixture of {@code src/test/resources/schema/modules}. */
    static Path fixture(String file) {
        try {
            return Path.of(TestModules.class.getResource("/schema/modules/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + file, e);
        }
    }

    static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModuleSource parse(Path p) {
        try {
            return ModuleSource.parse(text(p), p.toString());
        } catch (InvalidModuleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Corpus files by name; names that are not in the corpus are taken from the fixtures. */
    static List<ModuleSource> sources(String... files) {
        List<ModuleSource> out = new ArrayList<>();
        for (String f : files) {
            Path c = corpus(f);
            out.add(parse(Files.isRegularFile(c) ? c : fixture(f)));
        }
        return out;
    }

    /** The corpus modules that the IETF interface modules need. */
    static final String[] IETF_IP = {"ietf-yang-types@2013-07-15.yang", "ietf-inet-types@2013-07-15.yang",
            "ietf-interfaces@2018-02-20.yang", "ietf-ip@2018-02-22.yang"};

    static String[] plus(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static DeviceModule module(String id, Conformance conformance, Set<String> features, List<String> deviations) {
        ModuleRef r = ModuleRef.parse(id);
        return new DeviceModule(r.name(), r.revision(), Optional.empty(), features, deviations, List.of(),
                conformance, EnumSet.of(DiscoverySource.YANG_LIBRARY));
    }

    static DeviceModule implemented(String id, String... features) {
        return module(id, Conformance.IMPLEMENT, Set.of(features), List.of());
    }

    static DeviceModule importOnly(String id) {
        return module(id, Conformance.IMPORT, Set.of(), List.of());
    }

    /** A device whose RFC 8525 library lists exactly these modules. */
    static DeviceModules device(DeviceModule... modules) {
        return DeviceModules.merge(List.of(new ModuleListing(DiscoverySource.YANG_LIBRARY, List.of(modules),
                List.of(), Optional.empty(), List.of())), List.of());
    }
}
