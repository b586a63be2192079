package dev.homeport.netconf.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleCacheTest {
    private static final ModuleRef IF_2018 = ModuleRef.parse("ietf-interfaces@2018-02-20");
    private static final String IF_2018_TEXT = TestModules.text(TestModules.corpus("ietf-interfaces@2018-02-20.yang"));
    private static final String IF_2014_TEXT = TestModules.text(TestModules.corpus("ietf-interfaces@2014-05-08.yang"));

    @TempDir
    Path tmp;

    private ModuleCache cache() throws IOException {
        return new ModuleCache(tmp.resolve("yang"));
    }

    private List<String> files(ModuleCache c) throws IOException {
        try (Stream<Path> s = Files.list(c.directory())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- location

    @Test
    void defaultLocationFollowsPropertyThenEnvironmentThenXdgThenHome() {
        assertThat(ModuleCache.defaultDirectory("/p/cache", Map.of(ModuleCache.ENV, "/e/cache",
                "XDG_CACHE_HOME", "/x"), "/home/u")).isEqualTo(Path.of("/p/cache"));
        assertThat(ModuleCache.defaultDirectory(null, Map.of(ModuleCache.ENV, "/e/cache", "XDG_CACHE_HOME", "/x"),
                "/home/u")).isEqualTo(Path.of("/e/cache"));
        assertThat(ModuleCache.defaultDirectory("", Map.of("XDG_CACHE_HOME", "/x"), "/home/u"))
                .isEqualTo(Path.of("/x/homeport/yang"));
        // XDG says relative values are invalid and to be ignored
        assertThat(ModuleCache.defaultDirectory(null, Map.of("XDG_CACHE_HOME", "rel"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/homeport/yang"));
        assertThat(ModuleCache.defaultDirectory(null, Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/homeport/yang"));
    }

    @Test
    void theSystemPropertyIsHonouredByOpenDefault() throws IOException {
        String old = System.getProperty(ModuleCache.PROPERTY);
        System.setProperty(ModuleCache.PROPERTY, tmp.resolve("from-property").toString());
        try {
            ModuleCache c = ModuleCache.openDefault();
            assertThat(c.directory()).isEqualTo(tmp.resolve("from-property"));
            assertThat(c.directory()).isDirectory();
        } finally {
            if (old == null) {
                System.clearProperty(ModuleCache.PROPERTY);
            } else {
                System.setProperty(ModuleCache.PROPERTY, old);
            }
        }
    }

    // ---------------------------------------------------------------- storing and finding

    @Test
    void storesUnderNameAtRevisionAndFindsExactOrNewest() throws Exception {
        ModuleCache c = cache();
        ModuleSource stored = c.store(IF_2018, IF_2018_TEXT, "test");
        c.store(ModuleRef.parse("ietf-interfaces@2014-05-08"), IF_2014_TEXT, "test");
        assertThat(files(c)).containsExactly("ietf-interfaces@2014-05-08.yang", "ietf-interfaces@2018-02-20.yang");
        assertThat(stored.origin()).isEqualTo(c.fileFor(IF_2018).toString());
        assertThat(stored.namespace()).contains("urn:ietf:params:xml:ns:yang:ietf-interfaces");
        assertThat(stored.yangVersion()).isEqualTo("1.1");
        assertThat(stored.imports()).containsExactly(ModuleRef.of("ietf-yang-types"));
        assertThat(Files.readString(c.fileFor(IF_2018))).isEqualTo(IF_2018_TEXT);
        assertThat(c.find(ModuleRef.parse("ietf-interfaces@2014-05-08"))).contains(
                c.directory().resolve("ietf-interfaces@2014-05-08.yang"));
        // no revision asked: the newest
        assertThat(c.find("ietf-interfaces", null)).contains(c.fileFor(IF_2018));
        assertThat(c.load(ModuleRef.of("ietf-interfaces")).orElseThrow().revision()).contains("2018-02-20");
        assertThat(c.find(ModuleRef.parse("ietf-interfaces@2000-01-01"))).isEmpty();
        assertThat(c.find(ModuleRef.of("ietf-ip"))).isEmpty();
        assertThat(c.revisions("ietf-interfaces")).hasSize(2);
    }

    @Test
    void aModuleWithoutRevisionIsNameDotYangAndARevisionlessRequestTakesTheTextsRevision() throws Exception {
        ModuleCache c = cache();
        String plain = "module plain { namespace \"urn:plain\"; prefix p; leaf x { type string; } }";
        ModuleSource s = c.store(ModuleRef.of("plain"), plain, "device");
        assertThat(s.revision()).isEmpty();
        assertThat(files(c)).containsExactly("plain.yang");
        assertThat(c.find(ModuleRef.of("plain"))).contains(c.directory().resolve("plain.yang"));
        // the device gave no revision, the text has one: the file says which
        c.store(ModuleRef.of("ietf-interfaces"), IF_2018_TEXT, "device");
        assertThat(files(c)).contains("ietf-interfaces@2018-02-20.yang");
    }

    @Test
    void submodulesAreStoredLikeModules() throws Exception {
        ModuleCache c = cache();
        ModuleRef ref = ModuleRef.parse("ietf-snmp-common@2014-12-10");
        ModuleSource s = c.store(ref, TestModules.text(TestModules.corpus("ietf-snmp-common@2014-12-10.yang")), "t");
        assertThat(s.isSubmodule()).isTrue();
        assertThat(s.belongsTo()).contains("ietf-snmp");
        assertThat(c.load(ref)).isPresent();
    }

    // ---------------------------------------------------------------- validation

    @Test
    void garbageIsNeverStored() throws Exception {
        ModuleCache c = cache();
        assertThatThrownBy(() -> c.store(IF_2018, "<html><body>502 Bad Gateway</body></html>", "proxy"))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("proxy: not valid YANG");
        assertThatThrownBy(() -> c.store(IF_2018, "", "device")).isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("empty");
        // truncated in transit
        assertThatThrownBy(() -> c.store(IF_2018, IF_2018_TEXT.substring(0, IF_2018_TEXT.length() / 2), "device"))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("not valid YANG: line");
        // the right syntax, the wrong module
        assertThatThrownBy(() -> c.store(ModuleRef.parse("ietf-ip@2018-02-22"), IF_2018_TEXT, "device"))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("expected ietf-ip@2018-02-22 but the text is module ietf-interfaces@2018-02-20");
        // the right module, the wrong revision
        assertThatThrownBy(() -> c.store(ModuleRef.parse("ietf-interfaces@2014-05-08"), IF_2018_TEXT, "device"))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("expected revision 2014-05-08 of ietf-interfaces but the text's newest "
                        + "revision is 2018-02-20");
        // a statement that is neither module nor submodule
        assertThatThrownBy(() -> c.store(ModuleRef.of("x"), "container x { leaf a { type string; } }", "device"))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("not a YANG module or submodule");
        // a module without the statements every module must have
        assertThatThrownBy(() -> c.store(ModuleRef.of("x"), "module x { prefix x; }", "device"))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("device: not a YANG module")
                .hasMessageContaining("namespace");
        assertThat(files(c)).isEmpty();
    }

    @Test
    void namesThatAreNotYangIdentifiersNeverBecomeFileNames() {
        assertThatThrownBy(() -> ModuleRef.parse("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleRef.of("a/b", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleRef.of("ok", "2020-1-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleRef.of("ok", "../2020-01-01")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ModuleRef.of("ok", "").revision()).isEmpty();
    }

    @Test
    void aDamagedFileIsReportedAndReplacedByTheNextStore() throws Exception {
        ModuleCache c = cache();
        c.store(IF_2018, IF_2018_TEXT, "t");
        Files.writeString(c.fileFor(IF_2018), IF_2018_TEXT.substring(0, 500));
        assertThatThrownBy(() -> c.load(IF_2018)).isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining(c.fileFor(IF_2018).toString());
        // a file whose name does not match its content is damaged too
        Files.writeString(c.fileFor(IF_2018), IF_2014_TEXT);
        assertThatThrownBy(() -> c.load(IF_2018)).isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("expected revision 2018-02-20");
        c.store(IF_2018, IF_2018_TEXT, "t");
        assertThat(c.load(IF_2018).orElseThrow().revision()).contains("2018-02-20");
        assertThat(c.remove(IF_2018)).isTrue();
        assertThat(c.find(IF_2018)).isEmpty();
    }

    // ---------------------------------------------------------------- atomicity and concurrency

    @Test
    void concurrentWritersNeverExposeAPartialFile() throws Exception {
        ModuleCache c = cache();
        // two valid texts of the same module and revision, of different lengths
        String a = IF_2018_TEXT;
        String b = IF_2018_TEXT + "\n// stored by the other writer\n".repeat(200);
        c.store(IF_2018, a, "seed");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String text = w % 2 == 0 ? a : b;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 40; i++) {
                        c.store(IF_2018, text, "writer");
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                go.await();
                while (!stop.get()) {
                    String t = Files.readString(c.fileFor(IF_2018));
                    assertThat(t).isIn(a, b);
                    seen.add(t.length() == a.length() ? "a" : "b");
                    reads.incrementAndGet();
                }
                return null;
            });
            go.countDown();
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            stop.set(true);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).isPositive();
        assertThat(seen).isNotEmpty();
        assertThat(files(c)).containsExactly("ietf-interfaces@2018-02-20.yang");
        assertThat(c.load(IF_2018)).isPresent();
    }

    @Test
    void concurrentProcessesShareOneCache() throws Exception {
        ModuleCache c = cache();
        Path module = TestModules.corpus("ietf-interfaces@2018-02-20.yang");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CacheWriterMain.class.getName(), c.directory().toString(), module.toString(), IF_2018.id(), "15")
                    .redirectErrorStream(true).start());
        }
        int reads = 0;
        while (writers.stream().anyMatch(Process::isAlive)) {
            if (Files.exists(c.fileFor(IF_2018))) {
                assertThat(Files.readString(c.fileFor(IF_2018))).isEqualTo(IF_2018_TEXT);
                reads++;
            }
            Thread.sleep(1); // the machine is shared: read often, not in a hot loop
        }
        for (Process p : writers) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
        assertThat(reads).isPositive();
        assertThat(files(c)).containsExactly("ietf-interfaces@2018-02-20.yang");
        assertThat(c.load(IF_2018).orElseThrow().name()).isEqualTo("ietf-interfaces");
    }

    @Test
    void temporaryFilesOfDeadWritersAreCleanedUpWhenTheCacheOpens() throws Exception {
        ModuleCache c = cache();
        Path stale = c.directory().resolve(".ietf-ip@2018-02-22.yang.123.tmp");
        Path fresh = c.directory().resolve(".ietf-ip@2018-02-22.yang.456.tmp");
        Files.writeString(stale, "half a modu");
        Files.writeString(fresh, "being writ");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        ModuleCache reopened = cache();
        assertThat(files(reopened)).containsExactly(".ietf-ip@2018-02-22.yang.456.tmp");
        // temporary files are never mistaken for modules
        assertThat(reopened.list()).isEmpty();
        assertThat(reopened.find(ModuleRef.of("ietf-ip"))).isEmpty();
    }
}
