package dev.homeport.netconf.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules of one device, merged from every source that answered.
 *
 * <h2>Precedence</h2>
 * Sources rank {@link DiscoverySource#YANG_LIBRARY RFC 8525 /yang-library} &gt;
 * {@link DiscoverySource#MODULES_STATE RFC 7895 /modules-state} &gt; {@link DiscoverySource#HELLO hello} &gt;
 * {@link DiscoverySource#NETCONF_MONITORING RFC 6022 /netconf-state/schemas}.
 * <ul>
 * <li>The highest-ranked source that lists a module name supplies everything about that module: revision,
 *     features, deviations, submodules, conformance. Features are never united across sources: a lower source
 *     cannot switch on a feature that a higher one leaves off.</li>
 * <li>A lower source still adds modules that no higher source names (a device's listings are sometimes
 *     incomplete); a lower source naming another revision of a module a higher one lists is ignored, with a note.</li>
 * <li>{@code /netconf-state/schemas} says which files get-schema returns, not what the device implements; it only
 *     fills in missing namespaces, and becomes the module list only when no other source listed anything (then
 *     features and deviations are unknown: see {@link #describesImplementation()}).</li>
 * </ul>
 */
public final class DeviceModules {
    private static final List<DiscoverySource> RANKED = List.of(DiscoverySource.YANG_LIBRARY,
            DiscoverySource.MODULES_STATE, DiscoverySource.HELLO);

    private final List<DeviceModule> modules;
    private final Optional<DiscoverySource> primary;
    private final List<SchemaEntry> schemas;
    private final List<SchemaEntry> unlistedSchemas;
    private final Map<DiscoverySource, ModuleListing> listings;
    private final Optional<String> contentId;
    private final List<String> notes;

    private DeviceModules(List<DeviceModule> modules, Optional<DiscoverySource> primary, List<SchemaEntry> schemas,
                          List<SchemaEntry> unlistedSchemas, Map<DiscoverySource, ModuleListing> listings,
                          Optional<String> contentId, List<String> notes) {
        this.modules = modules.stream().sorted(Comparator.comparing(DeviceModule::ref)).toList();
        this.primary = primary;
        this.schemas = List.copyOf(schemas);
        this.unlistedSchemas = List.copyOf(unlistedSchemas);
        this.listings = Map.copyOf(listings);
        this.contentId = contentId;
        this.notes = List.copyOf(notes);
    }

    /** Merges what the sources said, by the precedence above; {@code notes} are discovery problems to keep. */
    public static DeviceModules merge(Collection<ModuleListing> listings, List<String> notes) {
        Map<DiscoverySource, ModuleListing> bySource = new EnumMap<>(DiscoverySource.class);
        for (ModuleListing l : listings) {
            bySource.put(l.source(), l);
        }
        List<String> allNotes = new ArrayList<>(notes);
        bySource.values().forEach(l -> allNotes.addAll(l.problems()));

        Map<String, List<DeviceModule>> byName = new LinkedHashMap<>();
        Map<String, DiscoverySource> owner = new LinkedHashMap<>();
        Optional<DiscoverySource> primary = Optional.empty();
        Optional<String> contentId = Optional.empty();
        for (DiscoverySource src : RANKED) {
            ModuleListing l = bySource.get(src);
            if (l == null || l.modules().isEmpty()) {
                continue;
            }
            if (primary.isEmpty()) {
                primary = Optional.of(src);
                contentId = l.contentId();
            }
            for (DeviceModule m : l.modules()) {
                DiscoverySource o = owner.putIfAbsent(m.name(), src);
                List<DeviceModule> same = byName.computeIfAbsent(m.name(), n -> new ArrayList<>());
                if (o == null || o == src) {
                    same.add(m);
                    continue;
                }
                int i = indexOfRevision(same, m.revision());
                if (i >= 0) {
                    same.set(i, same.get(i).withListedBy(src).withNamespace(m.namespace()));
                } else {
                    allNotes.add(src.description() + " lists " + m.id() + " but " + o.description() + " lists "
                            + String.join(", ", same.stream().map(DeviceModule::id).toList()) + "; "
                            + o.description() + " is used");
                }
            }
        }

        List<SchemaEntry> schemas = new ArrayList<>();
        List<SchemaEntry> unlisted = new ArrayList<>();
        ModuleListing mon = bySource.get(DiscoverySource.NETCONF_MONITORING);
        if (mon != null) {
            schemas.addAll(mon.schemas());
            if (byName.isEmpty()) {
                // nothing else answered: the retrievable YANG files are the best module list there is
                Set<ModuleRef> seen = new LinkedHashSet<>();
                for (SchemaEntry e : mon.schemas()) {
                    if (e.isYang() && seen.add(new ModuleRef(e.identifier(), e.version()))) {
                        byName.computeIfAbsent(e.identifier(), n -> new ArrayList<>()).add(new DeviceModule(
                                e.identifier(), e.version(), e.namespace(), Set.of(), List.of(), List.of(),
                                Conformance.UNKNOWN, Set.of(DiscoverySource.NETCONF_MONITORING)));
                    }
                }
                if (!seen.isEmpty()) {
                    primary = Optional.of(DiscoverySource.NETCONF_MONITORING);
                }
            } else {
                for (SchemaEntry e : mon.schemas()) {
                    List<DeviceModule> same = byName.get(e.identifier());
                    int i = same == null ? -1 : indexOfRevision(same, e.version());
                    if (i >= 0) {
                        same.set(i, same.get(i).withListedBy(DiscoverySource.NETCONF_MONITORING)
                                .withNamespace(e.namespace()));
                    } else if (!isListedSubmodule(byName.values(), e)) {
                        unlisted.add(e);
                    }
                }
            }
        }
        List<DeviceModule> all = new ArrayList<>();
        byName.values().forEach(all::addAll);
        return new DeviceModules(all, primary, schemas, unlisted, bySource, contentId, allNotes);
    }

    /** A device about which nothing is known (all sources failed): an empty list. */
    public static DeviceModules none(List<String> notes) {
        return merge(List.of(), notes);
    }

    private static int indexOfRevision(List<DeviceModule> same, Optional<String> revision) {
        for (int i = 0; i < same.size(); i++) {
            Optional<String> r = same.get(i).revision();
            if (r.equals(revision) || r.isEmpty() || revision.isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isListedSubmodule(Collection<List<DeviceModule>> modules, SchemaEntry e) {
        ModuleRef ref = new ModuleRef(e.identifier(), e.version());
        return modules.stream().flatMap(List::stream).flatMap(m -> m.submodules().stream())
                .anyMatch(s -> s.matches(ref) || ref.matches(s));
    }

    /** Every module, sorted by name and revision. */
    public List<DeviceModule> modules() {
        return modules;
    }

    /** All entries of a name (import-only modules may come in several revisions). */
    public List<DeviceModule> modules(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).toList();
    }

    /** The module of that name; the implemented one (then the newest) when there are several revisions. */
    public Optional<DeviceModule> module(String name) {
        return modules(name).stream().max(Comparator.comparing(DeviceModule::implemented)
                .thenComparing(m -> m.revision().orElse("")));
    }

    /** The entry for exactly this name and revision, or for the name when either side has no revision. */
    public Optional<DeviceModule> module(ModuleRef ref) {
        List<DeviceModule> same = modules(ref.name());
        int i = indexOfRevision(same, ref.revision());
        return i < 0 ? Optional.empty() : Optional.of(same.get(i));
    }

    public boolean isEmpty() {
        return modules.isEmpty();
    }

    /** The source whose list the others were merged into; empty when no source listed anything. */
    public Optional<DiscoverySource> primarySource() {
        return primary;
    }

    /**
     * True when the module list came from a source that states features and deviations (yang-library, modules-state
     * or hello); the schema then enables exactly those. False when only netconf-state (or nothing) answered.
     */
    public boolean describesImplementation() {
        return primary.map(DiscoverySource::describesImplementation).orElse(false);
    }

    /** Every netconf-state schema entry. */
    public List<SchemaEntry> schemas() {
        return schemas;
    }

    /** netconf-state entries that match no listed module or submodule (other revisions, YIN files...). */
    public List<SchemaEntry> unlistedSchemas() {
        return unlistedSchemas;
    }

    /** What each source said, before merging. */
    public Map<DiscoverySource, ModuleListing> listings() {
        return listings;
    }

    /** RFC 8525 content-id or RFC 7895 module-set-id of the primary source. */
    public Optional<String> contentId() {
        return contentId;
    }

    /** Discovery problems: sources that failed, entries skipped, disagreements between sources. */
    public List<String> notes() {
        return notes;
    }

    /** Module names whose deviations the device announces, mapped to the deviating modules' names. */
    public Map<String, List<String>> deviations() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (DeviceModule m : modules) {
            if (!m.deviations().isEmpty()) {
                out.put(m.name(), m.deviations());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return modules.size() + " modules from " + primary.map(DiscoverySource::description).orElse("no source");
    }
}
