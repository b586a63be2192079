package dev.homeport.netconf.schema;

import static dev.homeport.netconf.schema.ModuleListingsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.AnsweringScript;
import dev.homeport.netconf.testing.DeviceSessions;
import dev.homeport.netconf.testing.ScriptedSshDevice;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.Dom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Which queries discovery sends, and what it makes of the answers: real SSH sessions to a scripted device. */
class ModuleDiscoveryTest {
    private static final String NMDA_MODULE = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda"
            + "?module=ietf-netconf-nmda&revision=2019-01-07";
    private static final String MONITORING_MODULE = Capability.MONITORING
            + "?module=ietf-netconf-monitoring&revision=2010-10-04";
    private static final String EMPTY_DATA = "<data/>";

    private ScriptedSshDevice device;
    private SshConnector ssh;

    @BeforeEach
    void start() throws Exception {
        device = new ScriptedSshDevice();
        ssh = new SshConnector();
    }

    @AfterEach
    void stop() throws Exception {
        ssh.close();
        device.close();
        assertThat(device.scriptFailures()).isEmpty();
    }

    /** Connects to a device that runs {@code script}, over real SSH on 127.0.0.1. */
    private NetconfClient connect(AnsweringScript script) throws Exception {
        device.on("ncuser", script);
        return new NetconfClient(DeviceSessions.open(ssh, device, "ncuser", SessionOptions.defaults()
                .withRpcTimeout(Duration.ofSeconds(10))));
    }

    /** The subtree filter's (or get-data's subtree-filter's) top element name, to tell the queries apart. */
    private static String asksFor(Element op) {
        for (Element f : Dom.children(op)) {
            if (f.getLocalName().endsWith("filter") && !Dom.children(f).isEmpty()) {
                return Dom.children(f).get(0).getLocalName();
            }
        }
        return op.getLocalName();
    }

    private static String dataOf(String resourceXml) {
        // the sample files are whole <data> elements
        return resourceXml.replaceFirst("<\\?xml[^>]*\\?>", "");
    }

    private static Function<Element, String> answers(String yangLibrary, String modulesState, String netconfState) {
        return op -> switch (asksFor(op)) {
            case "yang-library" -> yangLibrary;
            case "modules-state" -> modulesState;
            case "netconf-state" -> netconfState;
            default -> AnsweringScript.rpcError("operation-not-supported", "not scripted");
        };
    }

    @Test
    void anNmdaDeviceIsAskedWithGetDataFromOperational() throws Exception {
        var script = new AnsweringScript(List.of(Capability.BASE_1_0, Capability.BASE_1_1,
                Capability.YANG_LIBRARY_1_1 + "?content-id=75a43", NMDA_MODULE, MONITORING_MODULE), Duration.ZERO,
                answers(dataOf(resource("rfc8525-yang-library.xml")), EMPTY_DATA,
                        dataOf(resource("yuma-netconf-state.xml"))));
        try (NetconfClient c = connect(script)) {
            DeviceModules m = ModuleDiscovery.discover(c);
            assertThat(m.primarySource()).contains(DiscoverySource.YANG_LIBRARY);
            assertThat(m.contentId()).contains("75a43df9bd56b92aacc156a2958fbe12312fb285");
            assertThat(m.module("ietf-interfaces").orElseThrow().features())
                    .containsExactlyInAnyOrder("if-mib", "pre-provisioning");
            // the schemas listed by netconf-state that the library does not list are kept aside
            assertThat(m.unlistedSchemas()).extracting(SchemaEntry::identifier).contains("toaster");
            Element getData = script.received().stream().filter(e -> e.getLocalName().equals("get-data"))
                    .findFirst().orElseThrow();
            assertThat(Dom.childText(getData, null, "datastore")).contains("ds:operational");
            assertThat(asksFor(getData)).isEqualTo("yang-library");
            // the library answered: the deprecated /modules-state is not asked for
            assertThat(script.received()).extracting(ModuleDiscoveryTest::asksFor)
                    .containsExactlyInAnyOrder("yang-library", "netconf-state");
        }
    }

    @Test
    void getDataRefusedFallsBackToGetWithANote() throws Exception {
        List<String> ops = new ArrayList<>();
        Function<Element, String> answers = answers(dataOf(resource("rfc8525-yang-library.xml")), EMPTY_DATA,
                EMPTY_DATA);
        var script = new AnsweringScript(List.of(Capability.BASE_1_0, Capability.YANG_LIBRARY_1_1,
                NMDA_MODULE), Duration.ZERO, op -> {
            ops.add(op.getLocalName());
            return op.getLocalName().equals("get-data")
                    ? AnsweringScript.rpcError("operation-not-supported", "get-data is not implemented")
                    : answers.apply(op);
        });
        try (NetconfClient c = connect(script)) {
            DeviceModules m = ModuleDiscovery.discover(c);
            assertThat(m.primarySource()).contains(DiscoverySource.YANG_LIBRARY);
            assertThat(ops).containsExactly("get-data", "get");
            assertThat(m.notes()).anySatisfy(n -> assertThat(n)
                    .contains("get-data from operational failed", "get-data is not implemented", "trying get"));
            // and the library itself came through get: its one bad entry is noted too
            assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("bad/../name"));
        }
    }

    @Test
    void yangLibrary10MeansModulesStateAndTheLibraryIsNotAskedFor() throws Exception {
        var script = new AnsweringScript(List.of(Capability.BASE_1_0, Capability.YANG_LIBRARY_1_0
                + "?revision=2016-06-21&module-set-id=f46d", MONITORING_MODULE), Duration.ZERO,
                answers(EMPTY_DATA, dataOf(resource("yuma-modules-state.xml")),
                        dataOf(resource("yuma-netconf-state.xml"))));
        try (NetconfClient c = connect(script)) {
            DeviceModules m = ModuleDiscovery.discover(c);
            assertThat(m.primarySource()).contains(DiscoverySource.MODULES_STATE);
            assertThat(m.modules()).hasSize(27);
            assertThat(script.received()).extracting(ModuleDiscoveryTest::asksFor)
                    .containsExactlyInAnyOrder("modules-state", "netconf-state");
        }
    }

    @Test
    void sourcesThatFailBecomeNotesAndTheSessionCarriesOn() throws Exception {
        var script = new AnsweringScript(List.of(Capability.BASE_1_0, Capability.YANG_LIBRARY_1_0,
                MONITORING_MODULE, "urn:example:toaster?module=toaster&revision=2009-11-20"), Duration.ZERO,
                op -> AnsweringScript.rpcError("access-denied", "nacm says no"));
        try (NetconfClient c = connect(script)) {
            DeviceModules m = ModuleDiscovery.discover(c);
            // only the hello is left
            assertThat(m.primarySource()).contains(DiscoverySource.HELLO);
            assertThat(m.modules()).extracting(DeviceModule::id)
                    .containsExactly("ietf-netconf-monitoring@2010-10-04", "toaster@2009-11-20");
            assertThat(m.notes()).hasSize(2).allSatisfy(n -> assertThat(n).contains("get failed", "nacm says no"));
            assertThat(c.session().isOpen()).isTrue();
        }
    }

    @Test
    void theWholeLoadRunsGetSchemaInParallelWithinTheLimit(@TempDir Path tmp) throws Exception {
        // an RFC 8525 device whose get-schema answers from the corpus, a little slowly
        String library = """
                <data><yang-library xmlns="urn:ietf:params:xml:ns:yang:ietf-yang-library">
                  <module-set><name>all</name>
                    <module><name>ietf-interfaces</name><revision>2018-02-20</revision>
                      <namespace>urn:ietf:params:xml:ns:yang:ietf-interfaces</namespace></module>
                    <module><name>ietf-ip</name><revision>2018-02-22</revision>
                      <namespace>urn:ietf:params:xml:ns:yang:ietf-ip</namespace>
                      <feature>ipv6-privacy-autoconf</feature></module>
                    <module><name>ietf-system</name><revision>2014-08-06</revision>
                      <namespace>urn:ietf:params:xml:ns:yang:ietf-system</namespace></module>
                    <module><name>ietf-netconf-monitoring</name><revision>2010-10-04</revision>
                      <namespace>urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring</namespace></module>
                    <import-only-module><name>ietf-yang-types</name><revision>2013-07-15</revision>
                      <namespace>urn:ietf:params:xml:ns:yang:ietf-yang-types</namespace></import-only-module>
                    <import-only-module><name>ietf-inet-types</name><revision>2013-07-15</revision>
                      <namespace>urn:ietf:params:xml:ns:yang:ietf-inet-types</namespace></import-only-module>
                  </module-set>
                </yang-library></data>""";
        var script = new AnsweringScript(List.of(Capability.BASE_1_0, Capability.BASE_1_1,
                Capability.YANG_LIBRARY_1_1, MONITORING_MODULE), Duration.ofMillis(50), op -> {
            if (op.getLocalName().equals("get-schema")) {
                String name = Dom.childText(op, null, "identifier").orElseThrow();
                String id = name + Dom.childText(op, null, "version").map(v -> "@" + v).orElse("");
                try {
                    String text = new SchemaDownloaderTest.CorpusDevice().fetch(ModuleRef.parse(id));
                    return "<data xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"><![CDATA["
                            + text + "]]></data>";
                } catch (Exception e) {
                    return AnsweringScript.rpcError("invalid-value", "no schema " + id);
                }
            }
            return answers(library, EMPTY_DATA, EMPTY_DATA).apply(op);
        });
        try (NetconfClient c = connect(script)) {
            DeviceSchema s = DeviceSchema.load(c, new ModuleCache(tmp), SchemaProgressListener.NONE,
                    DeviceSchema.Options.defaults().withMaxOutstanding(3));
            assertThat(s.warnings()).isEmpty();
            assertThat(s.getSchemaConcurrency()).isEqualTo(3);
            // the six listed, and the two that ietf-system imports without the device listing them
            assertThat(s.download().count(ModuleOutcome.Status.DOWNLOADED)).isEqualTo(8);
            assertThat(s.download().followed()).extracting(o -> o.requested().id())
                    .containsExactlyInAnyOrder("ietf-netconf-acm", "iana-crypt-hash");
            assertThat(script.receivedOperations().stream().filter("get-schema"::equals)).hasSize(8);
            // at most 3 get-schema at once (the discovery gets are over by then), and really more than one
            assertThat(script.maxOutstanding()).isBetween(2, 3);
            assertThat(s.build().included()).extracting(ModuleRef::name).contains("ietf-ip", "ietf-system");
        }
    }
}
