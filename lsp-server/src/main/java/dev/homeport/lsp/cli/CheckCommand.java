package dev.homeport.lsp.cli;

import dev.homeport.yang.feature.DiagnosticCode;
import dev.homeport.yang.feature.DiagnosticCodes;
import dev.homeport.yang.feature.DiagnosticSettings;
import dev.homeport.yang.feature.DiagnosticsFeature;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.SearchPathProblem;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Severity;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code homeport check}: validates YANG files the way the editor does (syntax, workspace references, our checks,
 * yangtools), for CI and pre-commit hooks. Prints {@code file:line:col: severity: message [code]} or JSON.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate YANG modules: syntax, imports, RFC 7950 semantics (yangtools and our own checks),",
                "RFC 8407 conventions. Prints file:line:col: severity: message [code].",
                "Exit code: 0 no errors, 1 errors found, 2 usage error or unreadable input."})
public final class CheckCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "YANG files, or folders searched for *.yang files")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-p", "--path"}, paramLabel = "DIR|ZIP", description = "where imported modules are found "
            + "(folders, .zip and .jar files; repeatable; ~ and ${env:NAME} are expanded); not reported on")
    List<String> path = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", description = "output format (default: ${DEFAULT-VALUE})")
    String format = "text";

    @Option(names = {"-s", "--severity"}, paramLabel = "CODE=LEVEL", description = "set a code's severity: error, "
            + "warning, info or off (repeatable), e.g. -s naming-convention=off")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(names = "--threads", description = "worker threads (default: the number of processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--list-codes", description = "list every diagnostic code with its default severity and exit")
    boolean listCodes;

    @Option(names = "--stats", description = "print time, peak heap and yangtools figures to stderr")
    boolean stats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listCodes) {
            for (DiagnosticCode c : DiagnosticCodes.all()) {
                out.printf("%-28s %-8s %-9s %s%n", c.code(), c.defaultLevel().label(), c.origin(), c.summary());
            }
            out.flush();
            return EXIT_OK;
        }
        if (!format.equals("text") && !format.equals("json")) {
            err.println("homeport check: --format must be text or json, not '" + format + "'");
            return EXIT_USAGE;
        }
        if (inputs.isEmpty()) {
            err.println("homeport check: name at least one YANG file or folder");
            spec.commandLine().usage(err);
            return EXIT_USAGE;
        }
        DiagnosticSettings settings;
        try {
            settings = DiagnosticSettings.parse(severities);
        } catch (IllegalArgumentException e) {
            err.println("homeport check: " + e.getMessage());
            return EXIT_USAGE;
        }
        long started = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> folders = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        for (Path input : inputs) {
            Path p = input.toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                folders.add(p);
            } else if (Files.isRegularFile(p)) {
                if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".yang")) {
                    err.println("homeport check: " + input + " is not a .yang file");
                    return EXIT_USAGE;
                }
                files.add(p);
                folders.add(p.getParent()); // its neighbours resolve its imports first
            } else {
                err.println("homeport check: " + input + " does not exist");
                return EXIT_USAGE;
            }
        }
        WorkspaceIndex index = new WorkspaceIndex(true); // every tree is needed by the semantic layers anyway
        List<SearchPathProblem> problems = index.configure(folders, path, PathExpander.ofSystem(cwd));
        for (SearchPathProblem problem : problems) {
            err.println("homeport check: warning: " + problem.entry() + ": " + problem.message());
        }
        List<URI> targets = new ArrayList<>();
        for (IndexedSource s : index.sources()) {
            Path file = "file".equals(s.uri().getScheme()) ? Path.of(s.uri()) : null;
            if (file == null) {
                continue;
            }
            boolean wanted = files.contains(file);
            for (Path input : inputs) {
                Path p = input.toAbsolutePath().normalize();
                wanted |= Files.isDirectory(p) && file.startsWith(p);
            }
            if (wanted) {
                targets.add(s.uri());
            }
        }
        DiagnosticsFeature feature = new DiagnosticsFeature(index);
        feature.setSettings(settings);
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "homeport-check");
            t.setDaemon(true);
            return t;
        });
        Map<URI, List<Diagnostic>> results;
        try {
            results = feature.diagnostics(targets, executor);
        } finally {
            executor.shutdownNow();
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<URI, List<Diagnostic>> e : results.entrySet()) {
            Path file = Path.of(e.getKey());
            String shown = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
            LineMap lines = LineMap.of(index.text(e.getKey()).orElse(""));
            for (Diagnostic d : e.getValue()) {
                rows.add(new Row(shown, d.range(lines), d));
            }
        }
        rows.sort((a, b) -> a.file.equals(b.file) ? a.range.start().compareTo(b.range.start()) : a.file.compareTo(b.file));
        int errors = count(rows, Severity.ERROR);
        int warnings = count(rows, Severity.WARNING);
        int infos = rows.size() - errors - warnings;
        if (format.equals("json")) {
            out.print(json(rows, targets.size(), errors, warnings, infos));
        } else {
            for (Row r : rows) {
                out.println(r.file + ":" + (r.range.start().line() + 1) + ":" + (r.range.start().character() + 1) + ": "
                        + label(r.diagnostic.severity()) + ": " + r.diagnostic.message() + " [" + r.diagnostic.code() + "]");
            }
        }
        out.flush();
        err.println("homeport check: " + targets.size() + " files, " + errors + " errors, " + warnings + " warnings, "
                + infos + " infos");
        if (stats) {
            err.printf(Locale.ROOT, "homeport check: %.2f s, peak heap %d MB, yangtools %s%n",
                    (System.nanoTime() - started) / 1e9, peakHeapMegabytes(), feature.semantics().lastStats());
        }
        return errors > 0 ? EXIT_ERRORS : EXIT_OK;
    }

    /** The sum of the heap pools' peak usage since the JVM started. */
    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private record Row(String file, Range range, Diagnostic diagnostic) {
    }

    private static int count(List<Row> rows, Severity s) {
        int n = 0;
        for (Row r : rows) {
            if (r.diagnostic.severity() == s) {
                n++;
            }
        }
        return n;
    }

    static String label(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION, HINT -> "info";
        };
    }

    private static String json(List<Row> rows, int files, int errors, int warnings, int infos) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"files\":").append(files).append(",\"errors\":").append(errors).append(",\"warnings\":")
                .append(warnings).append(",\"infos\":").append(infos).append(",\"diagnostics\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("\n{\"file\":").append(quote(r.file))
                    .append(",\"line\":").append(r.range.start().line() + 1)
                    .append(",\"column\":").append(r.range.start().character() + 1)
                    .append(",\"endLine\":").append(r.range.end().line() + 1)
                    .append(",\"endColumn\":").append(r.range.end().character() + 1)
                    .append(",\"severity\":").append(quote(label(r.diagnostic.severity())))
                    .append(",\"code\":").append(quote(r.diagnostic.code()))
                    .append(",\"message\":").append(quote(r.diagnostic.message())).append('}');
        }
        sb.append("\n]}\n");
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
