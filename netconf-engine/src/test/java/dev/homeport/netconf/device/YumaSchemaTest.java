package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.message.ModuleCapability;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.Cancellation;
import dev.homeport.netconf.schema.Conformance;
import dev.homeport.netconf.schema.DeviceModule;
import dev.homeport.netconf.schema.DeviceModules;
import dev.homeport.netconf.schema.DeviceSchema;
import dev.homeport.netconf.schema.DiscoverySource;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.schema.ModuleDiscovery;
import dev.homeport.netconf.schema.ModuleOutcome;
import dev.homeport.netconf.schema.ModuleRef;
import dev.homeport.netconf.schema.ModuleSource;
import dev.homeport.netconf.schema.SchemaProgress;
import dev.homeport.netconf.schema.SchemaProgress.Stage;
import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * Schema discovery, get-schema download and schema building against the real yuma123 device. Each test has a device
 * of its own: netconfd 2.13 drops sessions after answering get-schema for some modules a few times (ietf-netconf:
 * the third time), so tests must not add up their downloads on one device.
 */
class YumaSchemaTest {
    YumaDevice device;
    SshConnector ssh;

    @BeforeEach
    void start() {
        device = YumaDevice.start();
        ssh = new SshConnector();
    }

    @AfterEach
    void stop() {
        ssh.close();
        device.close();
    }

    private NetconfClient open() throws Exception {
        var t = ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
        return new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()));
    }

    @Test
    void discoveryMergesModulesStateHelloAndNetconfState() throws Exception {
        try (NetconfClient c = open()) {
            DeviceModules m = ModuleDiscovery.discover(c);
            // yuma announces yang-library:1.0, i.e. RFC 7895 /modules-state, which therefore leads
            assertThat(m.primarySource()).contains(DiscoverySource.MODULES_STATE);
            assertThat(m.describesImplementation()).isTrue();
            assertThat(m.notes()).isEmpty();
            // every module-state entry agrees with the hello on revision and features: two independent sources
            Map<String, ModuleCapability> hello = c.capabilities().modules().stream()
                    .collect(Collectors.toMap(ModuleCapability::name, Function.identity()));
            for (DeviceModule d : m.modules()) {
                assertThat(d.listedBy()).contains(DiscoverySource.MODULES_STATE);
                ModuleCapability h = hello.get(d.name());
                assertThat(h).as("hello announces %s", d.name()).isNotNull();
                assertThat(d.revision()).isEqualTo(h.revision());
                assertThat(d.features()).containsExactlyInAnyOrderElementsOf(h.features());
                assertThat(d.namespace()).contains(h.namespace());
            }
            assertThat(m.module("ietf-interfaces").orElseThrow().conformance()).isEqualTo(Conformance.IMPLEMENT);
            assertThat(m.module("ietf-yang-types").orElseThrow().conformance()).isEqualTo(Conformance.IMPORT);
            assertThat(m.module("toaster").orElseThrow().listedBy()).containsExactlyInAnyOrder(
                    DiscoverySource.MODULES_STATE, DiscoverySource.HELLO, DiscoverySource.NETCONF_MONITORING);
            // netconf-state lists one retrievable YANG file per module
            assertThat(m.schemas()).allMatch(e -> e.isYang() && e.retrievableWithGetSchema());
            assertThat(m.schemas().stream().map(e -> e.identifier()).collect(Collectors.toSet()))
                    .containsAll(m.modules().stream().map(DeviceModule::name).toList());
        }
    }

    @Test
    void downloadsEveryModuleBuildsTheSchemaAndReusesTheCache(@TempDir Path tmp) throws Exception {
        ModuleCache cache = new ModuleCache(tmp.resolve("yang"));
        List<SchemaProgress> events = new CopyOnWriteArrayList<>();
        DeviceSchema cold;
        try (NetconfClient c = open()) {
            cold = DeviceSchema.load(c, cache, events::add);
        }
        DeviceModules modules = cold.modules();
        assertThat(modules.modules()).hasSizeGreaterThan(20);
        // every listed module is in the cache, under name@revision.yang, and is that module
        for (DeviceModule d : modules.modules()) {
            Path f = cache.directory().resolve(d.name() + "@" + d.revision().orElseThrow() + ".yang");
            assertThat(f).isRegularFile();
            ModuleSource s = ModuleSource.parse(Files.readString(f), f.toString());
            assertThat(s.ref()).isEqualTo(d.ref());
        }
        assertThat(cold.download().count(ModuleOutcome.Status.DOWNLOADED)).isEqualTo(modules.modules().size());
        assertThat(cold.download().failures()).isEmpty();

        EffectiveModelContext ctx = cold.context();
        assertThat(cold.warnings()).isEmpty();
        assertThat(cold.partial()).isFalse();
        assertThat(ctx.findModules("ietf-interfaces")).isNotEmpty();
        Module toaster = ctx.findModules("toaster").iterator().next();
        assertThat(ctx.findDataTreeChild(QName.create(toaster.getQNameModule(), "toaster"))).isPresent();
        // if-mib is announced, so the node it guards is there
        QNameModule ifm = ctx.findModules("ietf-interfaces").iterator().next().getQNameModule();
        assertThat(ctx.findDataTreeChild(QName.create(ifm, "interfaces-state"), QName.create(ifm, "interface"),
                QName.create(ifm, "if-index"))).isPresent();
        // import-only modules are libraries, implemented ones are in the schema: all are in the context
        assertThat(cold.build().included()).containsAll(modules.modules().stream().map(DeviceModule::ref).toList());

        // progress: one start and one end per module, counting up to the total, then FINISHED
        int n = cold.download().outcomes().size();
        assertThat(events.stream().filter(e -> e.stage() == Stage.MODULE_STARTED)).hasSize(n);
        assertThat(events.stream().filter(e -> e.stage() == Stage.MODULE_DOWNLOADED)).hasSize(n);
        List<Integer> done = events.stream().filter(e -> e.stage() == Stage.MODULE_DOWNLOADED)
                .map(SchemaProgress::done).toList();
        assertThat(done).isSorted().endsWith(n);
        assertThat(events.get(0).stage()).isEqualTo(Stage.DISCOVERING);
        assertThat(events.get(events.size() - 1).stage()).isEqualTo(Stage.FINISHED);

        // warm: nothing is downloaded, the same schema comes out
        events.clear();
        DeviceSchema warm;
        try (NetconfClient c = open()) {
            warm = DeviceSchema.load(c, cache, events::add);
        }
        assertThat(warm.download().count(ModuleOutcome.Status.DOWNLOADED)).isZero();
        assertThat(warm.download().count(ModuleOutcome.Status.CACHED)).isEqualTo(n);
        assertThat(warm.build().included()).isEqualTo(cold.build().included());
        assertThat(events.stream().filter(e -> e.stage() == Stage.MODULE_CACHED)).hasSize(n);
    }

    @Test
    void helloPlusNetconfStateGiveTheSameModulesAsTheYangLibrary(@TempDir Path tmp) throws Exception {
        ModuleCache cache = new ModuleCache(tmp.resolve("yang"));
        try (NetconfClient c = open()) {
            DeviceSchema library = DeviceSchema.load(c, cache, p -> { }, DeviceSchema.Options.defaults()
                    .withSources(EnumSet.of(DiscoverySource.YANG_LIBRARY, DiscoverySource.MODULES_STATE)));
            DeviceSchema hello = DeviceSchema.load(c, cache, p -> { }, DeviceSchema.Options.defaults()
                    .withSources(EnumSet.of(DiscoverySource.HELLO, DiscoverySource.NETCONF_MONITORING)));
            assertThat(library.modules().primarySource()).contains(DiscoverySource.MODULES_STATE);
            assertThat(hello.modules().primarySource()).contains(DiscoverySource.HELLO);
            Set<ModuleRef> viaLibrary = refs(library.modules());
            Set<ModuleRef> viaHello = refs(hello.modules());
            assertThat(viaHello).containsAll(viaLibrary);
            for (DeviceModule d : library.modules().modules()) {
                assertThat(hello.modules().module(d.ref()).orElseThrow().features()).isEqualTo(d.features());
            }
            for (DeviceSchema s : List.of(library, hello)) {
                assertThat(s.context().findModules("ietf-interfaces")).as(s.warnings().toString()).isNotEmpty();
                assertThat(s.context().findModules("toaster")).isNotEmpty();
                assertThat(s.partial()).as(s.warnings().toString()).isFalse();
            }
        }
    }

    @Test
    void yumaGetsOneGetSchemaAtATime(@TempDir Path tmp) throws Exception {
        // yuma123 drops the session on pipelined get-schema (see DeviceQuirks): the limit asked for is lowered.
        // The session trace sees every get-schema go out and its reply come back, by message-id.
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger maxInFlight = new AtomicInteger();
        Pattern id = Pattern.compile("message-id=\"([^\"]+)\"");
        MessageTrace trace = (peer, dir, xml) -> {
            Matcher m = id.matcher(xml);
            if (!m.find()) {
                return;
            }
            if (dir == MessageTrace.Direction.OUT && xml.contains("<get-schema")) {
                inFlight.add(m.group(1));
                maxInFlight.accumulateAndGet(inFlight.size(), Math::max);
            } else if (dir == MessageTrace.Direction.IN) {
                inFlight.remove(m.group(1));
            }
        };
        ModuleCache cache = new ModuleCache(tmp.resolve("yang"));
        var t = ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
        try (NetconfClient c = new NetconfClient(NetconfSession.open(t, SessionOptions.defaults().withTrace(trace)))) {
            DeviceSchema s = DeviceSchema.load(c, cache, p -> { },
                    DeviceSchema.Options.defaults().withMaxOutstanding(4));
            assertThat(s.getSchemaConcurrency()).isEqualTo(1);
            assertThat(s.download().failures()).isEmpty();
            assertThat(s.download().count(ModuleOutcome.Status.DOWNLOADED)).isEqualTo(s.modules().modules().size());
            assertThat(maxInFlight.get()).isEqualTo(1);
            assertThat(c.session().isOpen()).isTrue();
        }
    }

    @Test
    void cancellingStopsTheDownloadAndLeavesOnlyValidFiles(@TempDir Path tmp) throws Exception {
        ModuleCache cache = new ModuleCache(tmp.resolve("yang"));
        Cancellation cancel = new Cancellation();
        try (NetconfClient c = open()) {
            assertThatThrownBy(() -> DeviceSchema.load(c, cache, p -> {
                if (p.stage() == Stage.MODULE_DOWNLOADED) {
                    cancel.cancel();
                }
            }, DeviceSchema.Options.defaults().withMaxOutstanding(1).withCancellation(cancel)))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("cancelled");
            // the session survives a cancelled load, with nothing left outstanding on it
            assertThat(c.session().isOpen()).isTrue();
            assertThat(c.session().outstandingRpcs()).isZero();
            assertThat(c.getSchema("toaster")).contains("module toaster");
        }
        List<ModuleRef> stored = cache.list();
        assertThat(stored).isNotEmpty();
        for (ModuleRef r : stored) {
            assertThat(cache.load(r)).isPresent();
        }
        try (var files = Files.list(cache.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    private static Set<ModuleRef> refs(DeviceModules m) {
        return m.modules().stream().map(DeviceModule::ref).collect(Collectors.toSet());
    }
}
