package dev.homeport.netconf.schema;

import static dev.homeport.netconf.schema.TestModules.device;
import static dev.homeport.netconf.schema.TestModules.implemented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a fake get-schema that serves the IETF corpus (the real device is in YumaSchemaTest). */
class SchemaDownloaderTest {
    @TempDir
    Path tmp;

    /** get-schema answered from ../shared/corpus/ietf; without a revision, the newest file of that name. */
    static final class CorpusDevice implements SchemaDownloader.SchemaFetcher {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, String> overrides = new ConcurrentHashMap<>();

        @Override
        public String fetch(ModuleRef ref) throws Exception {
            calls.computeIfAbsent(ref.id(), k -> new AtomicInteger()).incrementAndGet();
            if (overrides.containsKey(ref.id())) {
                return overrides.get(ref.id());
            }
            Path dir = ProjectPaths.corpus().resolve("ietf");
            if (ref.revision().isPresent()) {
                Path f = dir.resolve(ref.id() + ".yang");
                if (Files.isRegularFile(f)) {
                    return Files.readString(f);
                }
            } else {
                try (Stream<Path> s = Files.list(dir)) {
                    var newest = s.filter(p -> p.getFileName().toString().startsWith(ref.name() + "@"))
                            .max(Comparator.naturalOrder());
                    if (newest.isPresent()) {
                        return Files.readString(newest.get());
                    }
                }
            }
            throw new IOException("no such schema: " + ref.id());
        }

        int calls(String id) {
            return calls.getOrDefault(id, new AtomicInteger()).get();
        }
    }

    private ModuleCache cache() throws IOException {
        return new ModuleCache(tmp.resolve("yang"));
    }

    private static DownloadReport download(ModuleCache cache, DeviceModules modules,
                                           SchemaDownloader.SchemaFetcher fetcher, int max,
                                           SchemaProgressListener listener) {
        return new SchemaDownloader(cache, max).download(modules, fetcher, "test-device", listener,
                Cancellation.none());
    }

    @Test
    void followsIncludesAndImportsThatTheDeviceDoesNotList() throws Exception {
        ModuleCache cache = cache();
        CorpusDevice dev = new CorpusDevice();
        List<SchemaProgress> events = new CopyOnWriteArrayList<>();
        // a hello-style listing: the module alone, no submodules, no imports
        var report = download(cache, device(implemented("ietf-snmp@2014-12-10", "proxy")), dev, 4, events::add);
        assertThat(report.failures()).isEmpty();
        assertThat(report.sources()).extracting(s -> s.ref().id()).contains("ietf-snmp@2014-12-10",
                "ietf-snmp-common@2014-12-10", "ietf-snmp-tls@2014-12-10", "ietf-x509-cert-to-name@2014-12-10",
                "ietf-netconf-acm@2018-02-14");
        // 11 submodules and the 4 modules imported by them, each found through what includes or imports it
        assertThat(report.followed()).hasSize(15).allMatch(o -> o.requestedBy().isPresent());
        assertThat(report.followed()).filteredOn(o -> o.requested().name().equals("ietf-snmp-tls"))
                .singleElement().satisfies(o -> assertThat(o.requestedBy()).contains(
                        ModuleRef.parse("ietf-snmp@2014-12-10")));
        for (ModuleSource s : report.sources()) {
            assertThat(cache.fileFor(s.ref())).isRegularFile();
        }
        // totals grow as includes and imports turn up; every module is started and finished once
        assertThat(events).filteredOn(e -> e.stage() == SchemaProgress.Stage.MODULE_STARTED).hasSize(16);
        assertThat(events).filteredOn(e -> e.stage() == SchemaProgress.Stage.MODULE_DOWNLOADED)
                .extracting(SchemaProgress::total).isSorted().startsWith(1).endsWith(16);
        // and the result builds, with the device's one feature
        var built = new SchemaBuilder().build(report.sources(), device(implemented("ietf-snmp@2014-12-10", "proxy")),
                report.unavailable(), SchemaProgressListener.NONE, Cancellation.none());
        assertThat(built.warnings()).isEmpty();
        assertThat(built.included()).extracting(ModuleRef::name).contains("ietf-snmp", "ietf-snmp-tls");
    }

    @Test
    void noMoreThanTheLimitIsInFlightAndTheLimitIsUsed() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch threeArrived = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        CorpusDevice corpus = new CorpusDevice();
        SchemaDownloader.SchemaFetcher slow = ref -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            threeArrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
                return corpus.fetch(ref);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        var modules = device(implemented("ietf-yang-types@2013-07-15"), implemented("ietf-inet-types@2013-07-15"),
                implemented("ietf-interfaces@2018-02-20"), implemented("ietf-ip@2018-02-22"),
                implemented("ietf-netconf-acm@2018-02-14"), implemented("ietf-datastores@2018-02-14"),
                implemented("ietf-system@2014-08-06"), implemented("iana-crypt-hash@2014-08-06"));
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                assertThat(threeArrived.await(30, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(200); // a fourth would have arrived by now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                release.countDown();
            }
        });
        var report = download(cache(), modules, slow, 3, SchemaProgressListener.NONE);
        t.join();
        assertThat(report.failures()).isEmpty();
        assertThat(report.count(ModuleOutcome.Status.DOWNLOADED)).isEqualTo(8);
        assertThat(maxInFlight.get()).isEqualTo(3);
    }

    @Test
    void whatTheDeviceGetsWrongFailsThatModuleOnlyAndIsNotStored() throws Exception {
        ModuleCache cache = cache();
        CorpusDevice dev = new CorpusDevice();
        dev.overrides.put("ietf-ip@2018-02-22", "<rpc-error>no</rpc-error>");
        dev.overrides.put("ietf-system@2014-08-06", TestModules.text(TestModules.corpus(
                "ietf-interfaces@2018-02-20.yang")));
        var report = download(cache, device(implemented("ietf-yang-types@2013-07-15"),
                implemented("ietf-ip@2018-02-22"), implemented("ietf-system@2014-08-06"),
                implemented("ietf-datastores@2018-02-14")), dev, 2, SchemaProgressListener.NONE);
        assertThat(report.failures()).extracting(o -> o.requested().id()).containsExactlyInAnyOrder(
                "ietf-ip@2018-02-22", "ietf-system@2014-08-06");
        assertThat(report.unavailable().get(ModuleRef.parse("ietf-ip@2018-02-22")))
                .contains("test-device returned unusable text", "not valid YANG");
        assertThat(report.unavailable().get(ModuleRef.parse("ietf-system@2014-08-06")))
                .contains("expected ietf-system@2014-08-06 but the text is module ietf-interfaces@2018-02-20");
        assertThat(cache.list()).extracting(ModuleRef::id).containsExactly("ietf-datastores@2018-02-14",
                "ietf-yang-types@2013-07-15");
    }

    @Test
    void theCacheIsAskedFirstAndADamagedFileIsFetchedAgain() throws Exception {
        ModuleCache cache = cache();
        cache.store(ModuleRef.parse("ietf-yang-types@2013-07-15"),
                TestModules.text(TestModules.corpus("ietf-yang-types@2013-07-15.yang")), "seed");
        cache.store(ModuleRef.parse("ietf-inet-types@2013-07-15"),
                TestModules.text(TestModules.corpus("ietf-inet-types@2013-07-15.yang")), "seed");
        Files.writeString(cache.fileFor(ModuleRef.parse("ietf-inet-types@2013-07-15")), "module ietf-inet-ty");
        CorpusDevice dev = new CorpusDevice();
        var report = download(cache, device(implemented("ietf-yang-types@2013-07-15"),
                implemented("ietf-inet-types@2013-07-15")), dev, 2, SchemaProgressListener.NONE);
        assertThat(dev.calls("ietf-yang-types@2013-07-15")).isZero();
        assertThat(dev.calls("ietf-inet-types@2013-07-15")).isOne();
        assertThat(report.outcomes()).extracting(o -> o.requested().name(), ModuleOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ietf-inet-types", ModuleOutcome.Status.DOWNLOADED),
                org.assertj.core.groups.Tuple.tuple("ietf-yang-types", ModuleOutcome.Status.CACHED));
        assertThat(report.outcomes().get(0).problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("cached file is damaged"));
        assertThat(cache.load(ModuleRef.parse("ietf-inet-types@2013-07-15"))).isPresent();
    }

    @Test
    void aListedModuleWithoutRevisionIsAskedForFirstAndTheCacheIsTheFallback() throws Exception {
        ModuleCache cache = cache();
        cache.store(ModuleRef.parse("ietf-yang-types@2013-07-15"),
                TestModules.text(TestModules.corpus("ietf-yang-types@2013-07-15.yang")), "seed");
        SchemaDownloader.SchemaFetcher refusing = ref -> {
            throw new IOException("access denied");
        };
        var report = download(cache, device(implemented("ietf-yang-types")), refusing, 1,
                SchemaProgressListener.NONE);
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ModuleOutcome.Status.CACHED);
            assertThat(o.problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains("get-schema from test-device failed: access denied", "using the cached "
                            + "ietf-yang-types@2013-07-15"));
        });
    }

    @Test
    void withoutGetSchemaOnlyTheCacheIsUsed() throws Exception {
        ModuleCache cache = cache();
        cache.store(ModuleRef.parse("ietf-yang-types@2013-07-15"),
                TestModules.text(TestModules.corpus("ietf-yang-types@2013-07-15.yang")), "seed");
        var report = download(cache, device(implemented("ietf-yang-types@2013-07-15"),
                implemented("ietf-interfaces@2018-02-20")), null, 2, SchemaProgressListener.NONE);
        assertThat(report.count(ModuleOutcome.Status.CACHED)).isOne();
        assertThat(report.failures()).singleElement().satisfies(o -> assertThat(o.problem().orElseThrow())
                .contains("not in the module cache, and test-device offers no get-schema"));
    }

    @Test
    void cancellingStopsSoonAndLetsInFlightRequestsFinish() throws Exception {
        ModuleCache cache = cache();
        CorpusDevice corpus = new CorpusDevice();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        SchemaDownloader.SchemaFetcher slow = ref -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            String text = corpus.fetch(ref);
            finished.incrementAndGet();
            return text;
        };
        Cancellation cancel = new Cancellation();
        var modules = device(implemented("ietf-yang-types@2013-07-15"), implemented("ietf-inet-types@2013-07-15"),
                implemented("ietf-interfaces@2018-02-20"), implemented("ietf-ip@2018-02-22"),
                implemented("ietf-netconf-acm@2018-02-14"), implemented("ietf-datastores@2018-02-14"),
                implemented("ietf-system@2014-08-06"), implemented("iana-crypt-hash@2014-08-06"));
        assertThatThrownBy(() -> new SchemaDownloader(cache, 2).download(modules, slow, "test-device", p -> {
            if (p.stage() == SchemaProgress.Stage.MODULE_DOWNLOADED) {
                cancel.cancel();
            }
        }, cancel)).isInstanceOf(CancellationException.class).hasMessageContaining("schema download after");
        // stopped early; what was in flight was answered, not interrupted
        assertThat(finished.get()).isBetween(1, 7);
        assertThat(interrupted.get()).isZero();
        for (ModuleRef r : cache.list()) {
            assertThat(cache.load(r)).isPresent();
        }
    }

    @Test
    void rpcErrorsAreReportedWithTheDevicesWords() throws Exception {
        SchemaDownloader.SchemaFetcher denied = ref -> {
            throw new RpcErrorException(new dev.homeport.netconf.message.RpcReply(
                    dev.homeport.netconf.xml.SafeXml.parse("""
                            <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="1">
                              <rpc-error><error-type>protocol</error-type><error-tag>invalid-value</error-tag>
                                <error-severity>error</error-severity>
                                <error-message>no such schema</error-message></rpc-error></rpc-reply>""")
                            .getDocumentElement(), 100));
        };
        var report = download(cache(), device(implemented("toaster@2009-11-20")), denied, 1,
                SchemaProgressListener.NONE);
        assertThat(report.unavailable().get(ModuleRef.parse("toaster@2009-11-20")))
                .startsWith("get-schema from test-device failed:").contains("no such schema");
    }
}
