package dev.homeport.yang.semantic;

import dev.homeport.yang.index.IndexedSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups units into as few yangtools runs as possible: a reactor run costs about the same for one module as for the
 * several that share its dependencies, so units whose closures agree go together. Two units cannot share a run
 * when they need different sources of the same name (two revisions of a module, or two copies): yangtools would
 * then hold both, and their augments clash where each alone is fine. A unit whose closure holds a deviation runs
 * alone, since a deviation changes other modules for everyone in the run.
 */
final class BatchPlanner {
    private BatchPlanner() {
    }

    static List<List<YangtoolsRunner.Unit>> plan(List<YangtoolsRunner.Unit> units, java.util.function.Predicate<IndexedSource> deviates) {
        List<YangtoolsRunner.Unit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparingInt((YangtoolsRunner.Unit u) -> u.closure().size()).reversed());
        List<Map<String, IndexedSource>> names = new ArrayList<>();
        List<List<YangtoolsRunner.Unit>> batches = new ArrayList<>();
        List<Boolean> isolated = new ArrayList<>();
        for (YangtoolsRunner.Unit u : sorted) {
            Map<String, IndexedSource> own = new HashMap<>();
            boolean alone = false;
            for (IndexedSource s : u.closure()) {
                IndexedSource before = own.put(s.name(), s);
                alone |= before != null && before != s;
                alone |= deviates.test(s);
            }
            int fit = -1;
            for (int b = 0; b < batches.size() && !alone; b++) {
                if (!isolated.get(b) && compatible(names.get(b), own)) {
                    fit = b;
                    break;
                }
            }
            if (fit < 0) {
                names.add(new HashMap<>(own));
                batches.add(new ArrayList<>(List.of(u)));
                isolated.add(alone);
            } else {
                names.get(fit).putAll(own);
                batches.get(fit).add(u);
            }
        }
        return batches;
    }

    /** Batches smaller than this many units are not worth splitting. */
    static final int MIN_SPLIT_UNITS = 16;

    /**
     * Splits large batches into {@code parts} batches that can compile side by side: units go, largest closure
     * first, to the part where they add the least (its sources plus those the unit adds), so that parts stay
     * balanced and shared dependencies are compiled in as few parts as possible. A failure then also re-runs only
     * the part with the broken unit.
     */
    static List<List<YangtoolsRunner.Unit>> split(List<List<YangtoolsRunner.Unit>> batches, int parts) {
        List<List<YangtoolsRunner.Unit>> out = new ArrayList<>();
        for (List<YangtoolsRunner.Unit> batch : batches) {
            if (batch.size() < MIN_SPLIT_UNITS || parts < 2) {
                out.add(batch);
                continue;
            }
            List<java.util.Set<IndexedSource>> sources = new ArrayList<>();
            List<List<YangtoolsRunner.Unit>> groups = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                sources.add(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                groups.add(new ArrayList<>());
            }
            List<YangtoolsRunner.Unit> sorted = new ArrayList<>(batch);
            sorted.sort(Comparator.comparingInt((YangtoolsRunner.Unit u) -> u.closure().size()).reversed());
            for (YangtoolsRunner.Unit u : sorted) {
                int best = 0;
                long bestCost = Long.MAX_VALUE;
                for (int i = 0; i < parts; i++) {
                    long added = 0;
                    for (IndexedSource s : u.closure()) {
                        if (!sources.get(i).contains(s)) {
                            added++;
                        }
                    }
                    long cost = sources.get(i).size() + added;
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = i;
                    }
                }
                sources.get(best).addAll(u.closure());
                groups.get(best).add(u);
            }
            for (List<YangtoolsRunner.Unit> g : groups) {
                if (!g.isEmpty()) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    private static boolean compatible(Map<String, IndexedSource> batch, Map<String, IndexedSource> unit) {
        for (Map.Entry<String, IndexedSource> e : unit.entrySet()) {
            IndexedSource there = batch.get(e.getKey());
            if (there != null && there != e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
