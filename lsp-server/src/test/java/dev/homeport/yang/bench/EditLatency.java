package dev.homeport.yang.bench;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.corpus.Corpus;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Position;
import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.TextChange;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Re-diagnosis after one-character edits in openconfig-network-instance.yang, the largest OpenConfig module
 * (about 100 sources in its import closure), with the whole corpus as the workspace: the editor's path
 * (change, then diagnostics). Prints p50/p99 of wall time and of CPU time (the calling thread's plus, for the full
 * diagnostics, the yangtools threads', from {@code SemanticAnalyzer.lastStats()}) for
 * <ul>
 * <li>{@code fast}: syntax, index and our checks (what an editor shows while typing),
 * <li>{@code full, documentation edit}: plus yangtools, typing in a description (yangtools' verdict is reused),
 * <li>{@code full, semantic edit}: plus yangtools, typing in a leaf name (yangtools compiles the closure again).
 * </ul>
 * A scripted run, not a test: {@code lsp-server/bench/edit-latency.sh}.
 */
public final class EditLatency {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EditLatency() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int semanticIterations = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path root = Corpus.root();
        Path file = Corpus.yangFiles().stream()
                .filter(p -> p.getFileName().toString().equals("openconfig-network-instance.yang")).findFirst()
                .orElseThrow();
        YangLanguageService service = new YangLanguageService();
        long t0 = System.nanoTime();
        service.configure(List.of(root), List.of(), PathExpander.of(Map.of(), null, root));
        URI uri = file.toUri();
        service.open(new Document(uri, 1, Corpus.read(file)));
        long t1 = System.nanoTime();
        int errors = service.diagnostics(uri).size();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "index %.0f ms, first full diagnostics %.0f ms (%d diagnostics)%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, errors);

        Random random = new Random(42);
        int[] version = {1};
        // warm-up: both kinds of edit
        run(service, uri, version, random, "description", 30, false);
        run(service, uri, version, random, "leaf", 5, true);
        report("fast (syntax, index, our checks), description edit", run(service, uri, version, random, "description", iterations, false)[0]);
        long[][] doc = run(service, uri, version, random, "description", iterations, true);
        report("full (+ yangtools), description edit: verdict reused", doc[1]);
        long[][] sem = run(service, uri, version, random, "leaf", semanticIterations, true);
        report("fast (syntax, index, our checks), leaf-name edit", sem[0]);
        report("full (+ yangtools), leaf-name edit: closure compiled again", sem[1]);
    }

    /** Edits and re-diagnoses {@code n} times; returns {wall, cpu} pairs for the fast and (if asked) full step. */
    private static long[][] run(YangLanguageService service, URI uri, int[] version, Random random, String keyword,
            int n, boolean full) {
        long[][] out = new long[2][2 * n];
        for (int i = 0; i < n; i++) {
            String text = service.document(uri).orElseThrow().text();
            SyntaxTree tree = SyntaxTree.parse(text);
            List<Statement> targets = new ArrayList<>();
            for (Statement s : tree.allStatements()) {
                if (s.is(keyword) && s.argumentSpan() != null && s.argument().length() > 3) {
                    targets.add(s);
                }
            }
            Statement target = targets.get(random.nextInt(targets.size()));
            // one character into the argument (inside the quotes of a description, inside a leaf name)
            int at = target.argumentSpan().start() + 1 + random.nextInt(Math.max(1, target.argumentSpan().length() - 2));
            LineMap lines = LineMap.of(text);
            Position p = lines.position(at);
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            service.change(uri, ++version[0], List.of(new TextChange(new Range(p, p), keyword.equals("leaf") ? "q" : "x")));
            service.fastDiagnostics(uri);
            long w1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            out[0][2 * i] = w1 - w0;
            out[0][2 * i + 1] = c1 - c0;
            if (full) {
                service.diagnostics(uri);
                out[1][2 * i] = System.nanoTime() - w0;
                out[1][2 * i + 1] = THREADS.getCurrentThreadCpuTime() - c0
                        + service.diagnosticsFeature().semantics().lastStats().cpuNanos();
            }
        }
        return out;
    }

    private static void report(String what, long[] pairs) {
        int n = pairs.length / 2;
        long[] wall = new long[n];
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            wall[i] = pairs[2 * i];
            cpu[i] = pairs[2 * i + 1];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-60s n=%3d  wall p50 %6.1f ms p99 %6.1f ms   cpu p50 %6.1f ms p99 %6.1f ms%n",
                what, n, wall[n / 2] / 1e6, wall[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
                cpu[n / 2] / 1e6, cpu[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
    }
}
