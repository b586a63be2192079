package dev.homeport.netconf.schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One module as a device describes it.
 *
 * @param name        module name
 * @param revision    revision, empty when the device gives none
 * @param namespace   XML namespace, when the device gives it
 * @param features    the features the device supports, sorted (only these are enabled in the built schema)
 * @param deviations  names of the modules that hold the device's deviations of this module
 * @param submodules  the module's submodules, when the source lists them
 * @param conformance implemented or import-only
 * @param listedBy    every source that lists this module (the first one in precedence order supplied the fields)
 */
public record DeviceModule(String name, Optional<String> revision, Optional<String> namespace, Set<String> features,
                           List<String> deviations, List<ModuleRef> submodules, Conformance conformance,
                           Set<DiscoverySource> listedBy) {

    public DeviceModule {
        ModuleRef.of(name, revision.orElse(null)); // validates both
        revision = revision.filter(r -> !r.isEmpty());
        namespace = namespace.filter(n -> !n.isBlank());
        features = Collections.unmodifiableSortedSet(new TreeSet<>(features));
        deviations = List.copyOf(new TreeSet<>(deviations));
        submodules = List.copyOf(submodules);
        listedBy = listedBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(listedBy));
    }

    public ModuleRef ref() {
        return new ModuleRef(name, revision);
    }

    /** {@code name@revision}. */
    public String id() {
        return ref().id();
    }

    /** Implemented or unknown: the builder adds it as a module of the schema, not only as an import library. */
    public boolean implemented() {
        return conformance != Conformance.IMPORT;
    }

    DeviceModule withListedBy(DiscoverySource source) {
        Set<DiscoverySource> s = EnumSet.noneOf(DiscoverySource.class);
        s.addAll(listedBy);
        s.add(source);
        return new DeviceModule(name, revision, namespace, features, deviations, submodules, conformance, s);
    }

    DeviceModule withNamespace(Optional<String> ns) {
        return new DeviceModule(name, revision, namespace.or(() -> ns), features, deviations, submodules,
                conformance, listedBy);
    }

    DeviceModule withSubmodules(List<ModuleRef> subs) {
        return new DeviceModule(name, revision, namespace, features, deviations, subs, conformance, listedBy);
    }
}
