package dev.homeport.netconf.schema;

import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.message.ModuleCapability;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads the module lists that devices publish: RFC 8525 {@code /yang-library}, RFC 7895 {@code /modules-state},
 * RFC 6022 {@code /netconf-state/schemas} and hello module capabilities. Each parser takes the {@code <data>}
 * element of a get/get-data reply (or the container itself); entries with invalid names are skipped and reported,
 * never fatal.
 */
public final class ModuleListings {
    private static final String YL = Namespaces.YANG_LIBRARY;
    private static final String MON = Namespaces.MONITORING;

    private ModuleListings() {
    }

    // ---------------------------------------------------------------- RFC 8525

    /**
     * RFC 8525 {@code /yang-library}. The modules are those of the operational datastore's schema when datastores
     * are listed (that schema is what the device runs), else of every module set; the same module in several sets is
     * merged (features and deviations united, implemented wins over import-only).
     */
    public static ModuleListing yangLibrary(Element dataOrContainer) {
        Optional<Element> lib = container(dataOrContainer, YL, "yang-library");
        if (lib.isEmpty()) {
            return ModuleListing.empty(DiscoverySource.YANG_LIBRARY);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Element> sets = new LinkedHashMap<>();
        for (Element ms : Dom.children(lib.get(), YL, "module-set")) {
            Dom.childText(ms, YL, "name").ifPresent(n -> sets.put(n, ms));
        }
        Set<String> chosen = chosenModuleSets(lib.get(), sets.keySet(), problems);
        Map<String, DeviceModule> byKey = new LinkedHashMap<>();
        for (String setName : chosen) {
            Element ms = sets.get(setName);
            for (Element m : Dom.children(ms, YL, "module")) {
                library8525Module(m, Conformance.IMPLEMENT, problems).ifPresent(d -> mergeInto(byKey, d));
            }
            for (Element m : Dom.children(ms, YL, "import-only-module")) {
                library8525Module(m, Conformance.IMPORT, problems).ifPresent(d -> mergeInto(byKey, d));
            }
        }
        return new ModuleListing(DiscoverySource.YANG_LIBRARY, List.copyOf(byKey.values()), List.of(),
                Dom.childText(lib.get(), YL, "content-id"), problems);
    }

    private static Set<String> chosenModuleSets(Element lib, Set<String> allSets, List<String> problems) {
        Map<String, List<String>> schemaSets = new LinkedHashMap<>();
        for (Element s : Dom.children(lib, YL, "schema")) {
            Dom.childText(s, YL, "name").ifPresent(n -> schemaSets.put(n,
                    Dom.children(s, YL, "module-set").stream().map(e -> e.getTextContent().strip()).toList()));
        }
        Map<String, String> datastoreSchema = new LinkedHashMap<>();
        for (Element d : Dom.children(lib, YL, "datastore")) {
            String ds = Dom.childText(d, YL, "name").map(ModuleListings::localName).orElse("");
            Dom.childText(d, YL, "schema").ifPresent(s -> datastoreSchema.put(ds, s));
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (datastoreSchema.containsKey("operational")) {
            chosen.addAll(schemaSets.getOrDefault(datastoreSchema.get("operational"), List.of()));
        } else {
            datastoreSchema.values().forEach(s -> chosen.addAll(schemaSets.getOrDefault(s, List.of())));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(allSets);
        }
        for (String s : List.copyOf(chosen)) {
            if (!allSets.contains(s)) {
                problems.add("yang-library: schema refers to module-set '" + s + "', which is not listed");
                chosen.remove(s);
            }
        }
        return chosen;
    }

    private static Optional<DeviceModule> library8525Module(Element m, Conformance conformance,
                                                            List<String> problems) {
        String name = Dom.childText(m, YL, "name").orElse("");
        Optional<String> revision = Dom.childText(m, YL, "revision");
        List<ModuleRef> subs = new ArrayList<>();
        for (Element s : Dom.children(m, YL, "submodule")) {
            ref(Dom.childText(s, YL, "name").orElse(""), Dom.childText(s, YL, "revision"), "yang-library submodule",
                    problems).ifPresent(subs::add);
        }
        List<String> features = texts(m, YL, "feature");
        List<String> deviations = texts(m, YL, "deviation");
        return module(name, revision, Dom.childText(m, YL, "namespace"), features, deviations, subs, conformance,
                DiscoverySource.YANG_LIBRARY, problems);
    }

    // ---------------------------------------------------------------- RFC 7895

    /** RFC 7895 {@code /modules-state}. */
    public static ModuleListing modulesState(Element dataOrContainer) {
        Optional<Element> state = container(dataOrContainer, YL, "modules-state");
        if (state.isEmpty()) {
            return ModuleListing.empty(DiscoverySource.MODULES_STATE);
        }
        List<String> problems = new ArrayList<>();
        Map<String, DeviceModule> byKey = new LinkedHashMap<>();
        for (Element m : Dom.children(state.get(), YL, "module")) {
            String name = Dom.childText(m, YL, "name").orElse("");
            Conformance conformance = switch (Dom.childText(m, YL, "conformance-type").orElse("")) {
                case "implement" -> Conformance.IMPLEMENT;
                case "import" -> Conformance.IMPORT;
                default -> Conformance.UNKNOWN;
            };
            List<ModuleRef> subs = new ArrayList<>();
            for (Element s : Dom.children(m, YL, "submodule")) {
                ref(Dom.childText(s, YL, "name").orElse(""), Dom.childText(s, YL, "revision"),
                        "modules-state submodule", problems).ifPresent(subs::add);
            }
            List<String> deviations = new ArrayList<>();
            for (Element d : Dom.children(m, YL, "deviation")) {
                Dom.childText(d, YL, "name").ifPresent(deviations::add);
            }
            module(name, Dom.childText(m, YL, "revision"), Dom.childText(m, YL, "namespace"),
                    texts(m, YL, "feature"), deviations, subs, conformance, DiscoverySource.MODULES_STATE, problems)
                    .ifPresent(d -> mergeInto(byKey, d));
        }
        return new ModuleListing(DiscoverySource.MODULES_STATE, List.copyOf(byKey.values()), List.of(),
                Dom.childText(state.get(), YL, "module-set-id"), problems);
    }

    // ---------------------------------------------------------------- RFC 6022

    /** RFC 6022 {@code /netconf-state/schemas}: schema entries, not modules (they may be submodules or YIN). */
    public static ModuleListing netconfSchemas(Element dataOrContainer) {
        Optional<Element> state = container(dataOrContainer, MON, "netconf-state");
        Optional<Element> schemas = state.flatMap(s -> Dom.child(s, MON, "schemas"));
        if (schemas.isEmpty()) {
            return ModuleListing.empty(DiscoverySource.NETCONF_MONITORING);
        }
        List<String> problems = new ArrayList<>();
        List<SchemaEntry> out = new ArrayList<>();
        for (Element s : Dom.children(schemas.get(), MON, "schema")) {
            String id = Dom.childText(s, MON, "identifier").orElse("");
            Optional<String> version = Dom.childText(s, MON, "version").filter(v -> !v.isEmpty());
            if (ref(id, version, "netconf-state schema", problems).isEmpty()) {
                continue;
            }
            String format = Dom.childText(s, MON, "format").map(ModuleListings::localName).orElse("yang");
            out.add(new SchemaEntry(id, version, format, Dom.childText(s, MON, "namespace"), texts(s, MON,
                    "location")));
        }
        return new ModuleListing(DiscoverySource.NETCONF_MONITORING, List.of(), out, Optional.empty(), problems);
    }

    // ---------------------------------------------------------------- hello

    /** The module capabilities of a hello. */
    public static ModuleListing hello(Capabilities capabilities) {
        List<String> problems = new ArrayList<>();
        Map<String, DeviceModule> byKey = new LinkedHashMap<>();
        for (ModuleCapability c : capabilities.modules()) {
            module(c.name(), c.revision(), Optional.of(c.namespace()), c.features(), c.deviations(), List.of(),
                    Conformance.UNKNOWN, DiscoverySource.HELLO, problems).ifPresent(d -> mergeInto(byKey, d));
        }
        return new ModuleListing(DiscoverySource.HELLO, List.copyOf(byKey.values()), List.of(), Optional.empty(),
                problems);
    }

    // ---------------------------------------------------------------- helpers

    /** The container itself, or the child of {@code <data>} (or of any wrapper) with that name. */
    private static Optional<Element> container(Element e, String ns, String name) {
        if (Dom.is(e, ns, name)) {
            return Optional.of(e);
        }
        return Dom.child(e, ns, name);
    }

    private static Optional<DeviceModule> module(String name, Optional<String> revision, Optional<String> namespace,
                                                 List<String> features, List<String> deviations,
                                                 List<ModuleRef> subs, Conformance conformance,
                                                 DiscoverySource source, List<String> problems) {
        if (ref(name, revision, source.description() + " module", problems).isEmpty()) {
            return Optional.empty();
        }
        List<String> devs = new ArrayList<>();
        for (String d : deviations) {
            if (ModuleRef.isIdentifier(d)) {
                devs.add(d);
            } else {
                problems.add(source.description() + ": module " + name + " names an invalid deviation module '"
                        + d + "'; ignored");
            }
        }
        return Optional.of(new DeviceModule(name, revision, namespace, new LinkedHashSet<>(features), devs, subs,
                conformance, EnumSet.of(source)));
    }

    private static Optional<ModuleRef> ref(String name, Optional<String> revision, String what,
                                           List<String> problems) {
        try {
            return Optional.of(new ModuleRef(name, revision));
        } catch (IllegalArgumentException e) {
            problems.add(what + " skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void mergeInto(Map<String, DeviceModule> byKey, DeviceModule d) {
        byKey.merge(d.id(), d, (a, b) -> {
            Set<String> features = new LinkedHashSet<>(a.features());
            features.addAll(b.features());
            Set<String> devs = new LinkedHashSet<>(a.deviations());
            devs.addAll(b.deviations());
            Set<ModuleRef> subs = new LinkedHashSet<>(a.submodules());
            subs.addAll(b.submodules());
            // implemented in any set means implemented
            Conformance c = a.conformance() == Conformance.IMPLEMENT || b.conformance() == Conformance.IMPLEMENT
                    ? Conformance.IMPLEMENT
                    : a.implemented() || b.implemented() ? Conformance.UNKNOWN : Conformance.IMPORT;
            return new DeviceModule(a.name(), a.revision(), a.namespace().or(b::namespace), features,
                    List.copyOf(devs), List.copyOf(subs), c, a.listedBy());
        });
    }

    private static List<String> texts(Element parent, String ns, String name) {
        List<String> out = new ArrayList<>();
        for (Element e : Dom.children(parent, ns, name)) {
            String t = e.getTextContent().strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Identityref values arrive as {@code prefix:name}; the prefix is the device's choice. */
    private static String localName(String identity) {
        int colon = identity.lastIndexOf(':');
        return colon < 0 ? identity : identity.substring(colon + 1);
    }
}
