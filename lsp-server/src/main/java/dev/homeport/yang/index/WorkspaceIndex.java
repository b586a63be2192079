package dev.homeport.yang.index;

import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.Span;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every YANG module and submodule of the workspace: files under the workspace folders and the extra search path
 * (folders, .zip and .jar files), with documents open in the editor taking the place of their files.
 *
 * <p>It answers which file a reference means ({@link #resolve}): an import or include with a revision-date needs
 * exactly that revision; without one the newest revision wins; between files of the same name and revision the
 * earlier search root wins, and two different files that still tie are reported as ambiguous. Identical copies
 * (same content) are not a conflict.
 *
 * <p>It is incremental: a change re-parses only the changed source and returns the sources that depend on it
 * ({@link IndexUpdate#affected()}) through the reverse graph of imports, includes and belongs-to, which is kept by
 * module name so that it stays right when revisions or file names change.
 *
 * <p>Thread-safe: all state is guarded by this object's lock; parsing happens outside it.
 */
public final class WorkspaceIndex {
    private final boolean retainTrees;
    private SearchPath searchPath = new SearchPath(List.of(), List.of());
    private final Map<URI, IndexedSource> onDisk = new HashMap<>();
    private final Map<URI, IndexedSource> open = new HashMap<>();
    /** The effective sources: open documents over files. */
    private final Map<URI, IndexedSource> sources = new LinkedHashMap<>();
    private final Map<String, List<IndexedSource>> byName = new HashMap<>();
    /** Module name -> sources that import, include or belong to it. */
    private final Map<String, Set<URI>> referencedBy = new HashMap<>();
    private final List<SearchPathProblem> scanProblems = new ArrayList<>();

    /** An index that keeps syntax trees only for documents open in the editor (files are parsed again on demand). */
    public WorkspaceIndex() {
        this(false);
    }

    /**
     * @param retainTrees keep the syntax tree of every source, not only of open documents: for the semantic layers,
     *                    which need every dependency's tree anyway and would otherwise parse each file twice
     */
    public WorkspaceIndex(boolean retainTrees) {
        this.retainTrees = retainTrees;
    }

    /**
     * Sets the workspace folders and extra search-path entries and reads every source in them again. Open
     * documents stay. Returns what could not be used.
     */
    public List<SearchPathProblem> configure(List<Path> workspaceFolders, List<String> pathEntries, PathExpander expander) {
        SearchPath path = SearchPath.of(workspaceFolders, pathEntries, expander);
        List<SearchPathProblem> problems = new ArrayList<>(path.problems());
        // read in order (a file under two roots, e.g. a path entry inside a workspace folder, belongs to the
        // earlier one), then parse in parallel: parsing is most of the cost and every file is independent
        Map<URI, Map.Entry<SearchRoot, SourceReader.Loaded>> loadedFiles = new LinkedHashMap<>();
        for (SearchRoot root : path.roots()) {
            SourceReader.scan(root, loaded -> loadedFiles.putIfAbsent(loaded.uri(), Map.entry(root, loaded)), problems);
        }
        Map<URI, IndexedSource> scanned = new LinkedHashMap<>();
        List<IndexedSource> built = loadedFiles.values().parallelStream().map(e -> IndexedSource.build(
                e.getValue().uri(), e.getKey(), false, -1, e.getValue().text(), e.getValue().firstMalformed(),
                retainTrees)).toList();
        for (IndexedSource s : built) {
            scanned.put(s.uri(), s);
        }
        synchronized (this) {
            searchPath = path;
            onDisk.clear();
            onDisk.putAll(scanned);
            scanProblems.clear();
            scanProblems.addAll(problems);
            rebuild();
        }
        return List.copyOf(problems);
    }

    /** An editor opened a document; its text replaces the file's (if any) until it is closed. */
    public IndexUpdate open(Document document) {
        return putOpen(document);
    }

    /** An open document changed. */
    public IndexUpdate change(Document document) {
        return putOpen(document);
    }

    /** An editor closed a document: the file on disk, if it is in a root, counts again. */
    public IndexUpdate close(URI uri) {
        URI key = normalize(uri);
        IndexedSource reloaded = null;
        Path file = filePath(key);
        SearchRoot root;
        synchronized (this) {
            root = file == null ? null : searchPath.rootOf(file);
        }
        if (root != null && Files.isRegularFile(file)) {
            reloaded = loadFile(key, root);
        }
        synchronized (this) {
            IndexedSource before = sources.get(key);
            open.remove(key);
            if (reloaded != null) {
                onDisk.put(key, reloaded);
            }
            return replace(key, before, effective(key));
        }
    }

    /** A file was created or changed on disk (from a file watcher). Ignored while the document is open. */
    public IndexUpdate fileChanged(URI uri) {
        URI key = normalize(uri);
        Path file = filePath(key);
        SearchRoot root;
        synchronized (this) {
            root = file == null ? null : searchPath.rootOf(file);
        }
        if (root == null || !Files.isRegularFile(file)) {
            return fileDeleted(key);
        }
        IndexedSource loaded = loadFile(key, root);
        synchronized (this) {
            IndexedSource before = sources.get(key);
            if (loaded == null) {
                onDisk.remove(key);
            } else {
                onDisk.put(key, loaded);
            }
            return replace(key, before, effective(key));
        }
    }

    /** A file was deleted on disk. */
    public synchronized IndexUpdate fileDeleted(URI uri) {
        URI key = normalize(uri);
        IndexedSource before = sources.get(key);
        onDisk.remove(key);
        return replace(key, before, effective(key));
    }

    private IndexUpdate putOpen(Document document) {
        URI key = normalize(document.uri());
        Path file = filePath(key);
        SearchRoot root;
        synchronized (this) {
            root = file == null ? null : searchPath.rootOf(file);
        }
        IndexedSource built = IndexedSource.build(key, root, true, document.version(), document.text(), -1, true);
        synchronized (this) {
            IndexedSource current = open.get(key);
            if (current != null && current.version() > document.version()) {
                return new IndexUpdate(key, Set.of()); // a late arrival of an older version
            }
            IndexedSource before = sources.get(key);
            open.put(key, built);
            return replace(key, before, built);
        }
    }

    private IndexedSource loadFile(URI key, SearchRoot root) {
        try {
            SourceReader.Loaded loaded = SourceReader.readFile(Path.of(key));
            return IndexedSource.build(key, root, false, -1, loaded.text(), loaded.firstMalformed(), retainTrees);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                scanProblems.add(new SearchPathProblem(key.toString(), "cannot read: " + e.getMessage()));
            }
            return null;
        }
    }

    private IndexedSource effective(URI key) {
        IndexedSource o = open.get(key);
        return o != null ? o : onDisk.get(key);
    }

    /** Swaps one source and returns it plus everything that depends on its old or new name. */
    private IndexUpdate replace(URI key, IndexedSource before, IndexedSource after) {
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            remove(before);
            addName(names, before);
        }
        if (after != null) {
            add(after);
            addName(names, after);
        } else {
            sources.remove(key);
        }
        Set<URI> affected = new LinkedHashSet<>();
        affected.add(key);
        affected.addAll(dependentsOfNames(names, key));
        return new IndexUpdate(key, affected);
    }

    private static void addName(Set<String> names, IndexedSource s) {
        if (s.name() != null) {
            names.add(s.name());
        }
    }

    private void rebuild() {
        sources.clear();
        byName.clear();
        referencedBy.clear();
        onDisk.values().forEach(this::add);
        open.values().forEach(this::add);
    }

    private void add(IndexedSource s) {
        IndexedSource previous = sources.put(s.uri(), s);
        if (previous != null) {
            remove(previous);
            sources.put(s.uri(), s);
        }
        if (s.name() != null) {
            byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        }
        if (s.header() != null) {
            for (ModuleReference ref : s.header().references()) {
                referencedBy.computeIfAbsent(ref.name(), n -> new LinkedHashSet<>()).add(s.uri());
            }
        }
    }

    private void remove(IndexedSource s) {
        sources.remove(s.uri());
        if (s.name() != null) {
            List<IndexedSource> list = byName.get(s.name());
            if (list != null) {
                list.removeIf(x -> x.uri().equals(s.uri()));
                if (list.isEmpty()) {
                    byName.remove(s.name());
                }
            }
        }
        if (s.header() != null) {
            for (ModuleReference ref : s.header().references()) {
                Set<URI> set = referencedBy.get(ref.name());
                if (set != null) {
                    set.remove(s.uri());
                    if (set.isEmpty()) {
                        referencedBy.remove(ref.name());
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- queries

    public synchronized List<IndexedSource> sources() {
        return List.copyOf(sources.values());
    }

    public synchronized Optional<IndexedSource> source(URI uri) {
        return Optional.ofNullable(sources.get(normalize(uri)));
    }

    /** Every source that defines a module or submodule of this name, newest revision first. */
    public synchronized List<IndexedSource> sourcesNamed(String name) {
        List<IndexedSource> list = new ArrayList<>(byName.getOrDefault(name, List.of()));
        list.sort(BEST_FIRST);
        return list;
    }

    /** Problems met while reading the search path and its files. */
    public synchronized List<SearchPathProblem> problems() {
        return List.copyOf(scanProblems);
    }

    public synchronized SearchPath searchPath() {
        return searchPath;
    }

    /** The syntax tree of a source: kept for open documents, parsed again from disk or archive for others. */
    public Optional<SyntaxTree> syntaxTree(URI uri) {
        IndexedSource s = source(uri).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        if (s.tree() != null) {
            return Optional.of(s.tree());
        }
        return text(uri).map(SyntaxTree::parse);
    }

    /** The current text of a source: the editor's for open documents, else the file's or archive entry's. */
    public Optional<String> text(URI uri) {
        IndexedSource s = source(uri).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        if (s.tree() != null) {
            return Optional.of(s.tree().text());
        }
        try {
            return Optional.of(SourceReader.read(s.uri()).text());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Newest revision first (no revision last), then earlier root, then URI for a stable order. */
    private static final Comparator<IndexedSource> BEST_FIRST = Comparator
            .comparing(IndexedSource::revision, Comparator.nullsLast(Comparator.<Revision>reverseOrder()))
            .thenComparingInt(IndexedSource::priority)
            .thenComparing(s -> s.uri().toString());

    /** Resolves one import, include or belongs-to of the source {@code from}. */
    public synchronized Resolution resolve(URI from, ModuleReference ref) {
        IndexedSource origin = sources.get(normalize(from));
        List<IndexedSource> named = byName.getOrDefault(ref.name(), List.of());
        List<IndexedSource> candidates = named.stream().filter(s -> s.kind() == ref.targetKind())
                .filter(s -> origin == null || !s.uri().equals(origin.uri())).collect(Collectors.toList());
        if (candidates.isEmpty()) {
            return unresolved(ref, named.stream().filter(s -> origin == null || !s.uri().equals(origin.uri())).toList());
        }
        if (ref.kind() == ModuleReference.Kind.BELONGS_TO && origin != null && origin.name() != null) {
            // prefer the revisions of the parent module that actually include this submodule
            List<IndexedSource> including = candidates.stream().filter(m -> m.header().includes().stream()
                    .anyMatch(i -> i.name().equals(origin.name()))).toList();
            if (!including.isEmpty()) {
                candidates = new ArrayList<>(including);
            }
        }
        if (ref.revisionDate() != null) {
            List<IndexedSource> exact = candidates.stream().filter(s -> ref.revisionDate().equals(s.revision())).toList();
            if (exact.isEmpty()) {
                String available = candidates.stream().map(s -> s.revision() == null ? "none" : s.revision().toString())
                        .distinct().sorted(Comparator.reverseOrder()).collect(Collectors.joining(", "));
                Span where = ref.revisionDateSpan() != null ? ref.revisionDateSpan() : nameSpan(ref);
                return new Resolution(ref, null, List.of(), Diagnostic.error(where, IndexCodes.REVISION_NOT_FOUND,
                        ref.targetKind().keyword() + " '" + ref.name() + "' revision " + ref.revisionDate()
                                + " is not in the workspace or search path; found revisions: " + available));
            }
            candidates = new ArrayList<>(exact);
        }
        candidates.sort(BEST_FIRST);
        IndexedSource best = candidates.get(0);
        List<IndexedSource> ties = candidates.stream()
                .filter(s -> Objects.equals(s.revision(), best.revision()) && s.priority() == best.priority())
                .toList();
        long distinctContents = ties.stream().map(IndexedSource::contentHash).distinct().count();
        Diagnostic problem = null;
        if (distinctContents > 1) {
            problem = Diagnostic.warning(nameSpan(ref), IndexCodes.AMBIGUOUS_MODULE, ties.size() + " different files define "
                    + ref.targetKind().keyword() + " '" + ref.name() + "'"
                    + (best.revision() == null ? " without revision" : " revision " + best.revision()) + ": "
                    + ties.stream().map(s -> s.uri().toString()).collect(Collectors.joining(", "))
                    + "; using the first");
        }
        return new Resolution(ref, best, ties, problem);
    }

    private Resolution unresolved(ModuleReference ref, List<IndexedSource> otherKind) {
        String code = switch (ref.kind()) {
            case IMPORT -> IndexCodes.UNRESOLVED_IMPORT;
            case INCLUDE -> IndexCodes.UNRESOLVED_INCLUDE;
            case BELONGS_TO -> IndexCodes.UNRESOLVED_BELONGS_TO;
        };
        if (!otherKind.isEmpty()) {
            String wanted = ref.targetKind().keyword();
            String found = otherKind.get(0).kind().keyword();
            return new Resolution(ref, null, List.of(), Diagnostic.error(nameSpan(ref), IndexCodes.WRONG_KIND,
                    "'" + ref.name() + "' is a " + found + ", not a " + wanted + ": "
                            + (ref.kind() == ModuleReference.Kind.IMPORT ? "a submodule is included, not imported"
                                    : "only a submodule can be included")));
        }
        return new Resolution(ref, null, List.of(), Diagnostic.error(nameSpan(ref), code, ref.targetKind().keyword()
                + " '" + ref.name() + "' is not in the workspace or search path"));
    }

    private static Span nameSpan(ModuleReference ref) {
        return ref.nameSpan() != null ? ref.nameSpan() : ref.span();
    }

    /** Resolves every import, include and belongs-to of a source. */
    public synchronized List<Resolution> resolveAll(URI uri) {
        IndexedSource s = sources.get(normalize(uri));
        if (s == null || s.header() == null) {
            return List.of();
        }
        return s.header().references().stream().map(ref -> resolve(s.uri(), ref)).toList();
    }

    /**
     * The index's diagnostics for one source: its structure and file name, references that resolve to nothing
     * or to several files, and includes of submodules that belong to another module.
     */
    public synchronized List<Diagnostic> diagnostics(URI uri) {
        IndexedSource s = sources.get(normalize(uri));
        if (s == null) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>(s.diagnostics());
        for (Resolution r : resolveAll(s.uri())) {
            if (r.problem() != null) {
                out.add(r.problem());
            }
            ModuleReference ref = r.reference();
            if (r.target() != null && ref.kind() == ModuleReference.Kind.INCLUDE) {
                // a module includes its own submodules; a submodule may include the other submodules of its module
                String module = s.kind() == ModuleKind.MODULE ? s.name()
                        : s.header().belongsTo() == null ? null : s.header().belongsTo().name();
                ModuleReference owner = r.target().header().belongsTo();
                if (owner != null && module != null && !owner.name().equals(module)) {
                    out.add(Diagnostic.error(nameSpan(ref), IndexCodes.SUBMODULE_OF_OTHER_MODULE, "submodule '"
                            + ref.name() + "' belongs to '" + owner.name() + "', not to '" + module + "'"));
                }
            }
        }
        out.sort(Comparator.comparing(Diagnostic::span));
        return out;
    }

    /** The sources that import, include or belong to the module or submodule {@code uri} defines. */
    public synchronized Set<URI> dependents(URI uri) {
        IndexedSource s = sources.get(normalize(uri));
        if (s == null || s.name() == null) {
            return Set.of();
        }
        Set<URI> direct = new LinkedHashSet<>(referencedBy.getOrDefault(s.name(), Set.of()));
        direct.remove(s.uri());
        return direct;
    }

    /** {@code uri} and every source that depends on it, directly or through others. */
    public synchronized Set<URI> affectedBy(URI uri) {
        URI key = normalize(uri);
        IndexedSource s = sources.get(key);
        Set<URI> all = new LinkedHashSet<>();
        all.add(key);
        if (s != null && s.name() != null) {
            all.addAll(dependentsOfNames(Set.of(s.name()), key));
        }
        return all;
    }

    private Set<URI> dependentsOfNames(Set<String> names, URI changed) {
        Set<URI> found = new LinkedHashSet<>();
        Set<String> seenNames = new LinkedHashSet<>(names);
        Deque<String> queue = new ArrayDeque<>(names);
        while (!queue.isEmpty()) {
            for (URI dependent : referencedBy.getOrDefault(queue.poll(), Set.of())) {
                if (!dependent.equals(changed) && found.add(dependent)) {
                    IndexedSource d = sources.get(dependent);
                    if (d != null && d.name() != null && seenNames.add(d.name())) {
                        queue.add(d.name());
                    }
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- URIs

    /** File URIs in one canonical form, so that an editor's URI and a scanned file's URI compare equal. */
    public static URI normalize(URI uri) {
        if ("file".equals(uri.getScheme())) {
            try {
                return Path.of(uri).toAbsolutePath().normalize().toUri();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return uri.normalize();
            }
        }
        return uri;
    }

    private static Path filePath(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            return null;
        }
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
