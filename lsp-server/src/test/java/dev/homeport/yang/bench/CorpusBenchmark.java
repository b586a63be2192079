package dev.homeport.yang.bench;

import dev.homeport.yang.corpus.Corpus;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.syntax.SyntaxTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the whole corpus takes in a warm JVM: parsing all texts (already in memory), and indexing the corpus
 * folder from disk (read, decode, parse, header, reverse graph). Run with the README's command; not a test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CorpusBenchmark {
    private List<String> texts;
    private Path root;

    @Setup
    public void load() {
        texts = Corpus.yangFiles().stream().map(Corpus::read).toList();
        root = Corpus.root();
    }

    @Benchmark
    public int parseCorpus() {
        int statements = 0;
        for (String text : texts) {
            statements += SyntaxTree.parse(text).allStatements().size();
        }
        return statements;
    }

    @Benchmark
    public int indexCorpus() {
        WorkspaceIndex index = new WorkspaceIndex();
        index.configure(List.of(root), List.of(), PathExpander.of(Map.of(), null, root));
        return index.sources().size();
    }
}
