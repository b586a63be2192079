package dev.homeport.netconf.schema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the downloader fetched: every module looked for, and the parsed texts it obtained. */
public record DownloadReport(List<ModuleOutcome> outcomes, Duration elapsed) {

    public DownloadReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The texts obtained, one per module and revision. */
    public List<ModuleSource> sources() {
        Map<ModuleRef, ModuleSource> out = new LinkedHashMap<>();
        for (ModuleOutcome o : outcomes) {
            o.source().ifPresent(s -> out.putIfAbsent(s.ref(), s));
        }
        return List.copyOf(out.values());
    }

    public List<ModuleOutcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    /** Why each module that could not be obtained is missing, for the builder's warnings. */
    public Map<ModuleRef, String> unavailable() {
        Map<ModuleRef, String> out = new LinkedHashMap<>();
        for (ModuleOutcome o : failures()) {
            out.put(o.requested(), o.problem().orElse("not obtained"));
        }
        return out;
    }

    public long count(ModuleOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Modules fetched because a downloaded module imports or includes them, though the device did not list them. */
    public List<ModuleOutcome> followed() {
        List<ModuleOutcome> out = new ArrayList<>();
        for (ModuleOutcome o : outcomes) {
            if (o.requestedBy().isPresent()) {
                out.add(o);
            }
        }
        return out;
    }
}
