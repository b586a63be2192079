package dev.homeport.netconf.schema;

import static dev.homeport.netconf.schema.ModuleListingsTest.data;
import static dev.homeport.netconf.schema.ModuleListingsTest.yumaHello;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merging what the sources say, by the documented precedence. */
class DeviceModulesTest {

    private static DeviceModule m(String id, DiscoverySource src, Conformance c, String... features) {
        ModuleRef r = ModuleRef.parse(id);
        return new DeviceModule(r.name(), r.revision(), Optional.empty(), Set.of(features), List.of(), List.of(), c,
                EnumSet.of(src));
    }

    private static ModuleListing listing(DiscoverySource src, DeviceModule... modules) {
        return new ModuleListing(src, List.of(modules), List.of(), Optional.empty(), List.of());
    }

    @Test
    void yumasThreeSourcesAgree() throws Exception {
        DeviceModules d = DeviceModules.merge(List.of(ModuleListings.hello(yumaHello()),
                ModuleListings.modulesState(data("yuma-modules-state.xml")),
                ModuleListings.netconfSchemas(data("yuma-netconf-state.xml"))), List.of());
        assertThat(d.primarySource()).contains(DiscoverySource.MODULES_STATE);
        assertThat(d.describesImplementation()).isTrue();
        // all three list the same 27 modules
        assertThat(d.modules()).hasSize(27).allSatisfy(m -> assertThat(m.listedBy()).containsExactlyInAnyOrder(
                DiscoverySource.MODULES_STATE, DiscoverySource.HELLO, DiscoverySource.NETCONF_MONITORING));
        // the hello does not say import-only; modules-state does, and leads
        assertThat(d.module("ietf-yang-types").orElseThrow().conformance()).isEqualTo(Conformance.IMPORT);
        assertThat(d.unlistedSchemas()).isEmpty();
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void theHigherSourceDecidesFeaturesAndRevisionAndTheLowerOneFillsGaps() {
        DeviceModules d = DeviceModules.merge(List.of(
                listing(DiscoverySource.HELLO,
                        m("ietf-interfaces@2014-05-08", DiscoverySource.HELLO, Conformance.UNKNOWN, "if-mib",
                                "arbitrary-names"),
                        m("ietf-ip@2018-02-22", DiscoverySource.HELLO, Conformance.UNKNOWN, "ipv6-privacy-autoconf"),
                        m("old-module@2001-01-01", DiscoverySource.HELLO, Conformance.UNKNOWN)),
                listing(DiscoverySource.YANG_LIBRARY,
                        m("ietf-interfaces@2018-02-20", DiscoverySource.YANG_LIBRARY, Conformance.IMPLEMENT),
                        m("ietf-ip@2018-02-22", DiscoverySource.YANG_LIBRARY, Conformance.IMPLEMENT))),
                List.of());
        assertThat(d.primarySource()).contains(DiscoverySource.YANG_LIBRARY);
        // the library lists no feature for ietf-ip: the hello cannot switch one on
        assertThat(d.module("ietf-ip").orElseThrow().features()).isEmpty();
        assertThat(d.module("ietf-ip").orElseThrow().listedBy())
                .containsExactlyInAnyOrder(DiscoverySource.YANG_LIBRARY, DiscoverySource.HELLO);
        // another revision in a lower source: ignored, with a note
        assertThat(d.modules("ietf-interfaces")).extracting(DeviceModule::id)
                .containsExactly("ietf-interfaces@2018-02-20");
        assertThat(d.notes()).singleElement().asString()
                .contains("hello capabilities lists ietf-interfaces@2014-05-08", "ietf-interfaces@2018-02-20");
        // a module only the hello names is kept, with the hello's view
        assertThat(d.module("old-module").orElseThrow().conformance()).isEqualTo(Conformance.UNKNOWN);
    }

    @Test
    void netconfStateAloneBecomesTheListWithoutFeatureKnowledge() throws Exception {
        DeviceModules d = DeviceModules.merge(List.of(ModuleListings.netconfSchemas(data("yuma-netconf-state.xml")),
                ModuleListing.empty(DiscoverySource.MODULES_STATE)), List.of("RFC 7895 /modules-state: get failed"));
        assertThat(d.primarySource()).contains(DiscoverySource.NETCONF_MONITORING);
        assertThat(d.describesImplementation()).isFalse();
        assertThat(d.modules()).hasSize(27).allMatch(m -> m.conformance() == Conformance.UNKNOWN
                && m.namespace().isPresent());
        assertThat(d.notes()).containsExactly("RFC 7895 /modules-state: get failed");
    }

    @Test
    void netconfStateEntriesForOtherRevisionsAreKeptAside() {
        var schemas = new ModuleListing(DiscoverySource.NETCONF_MONITORING, List.of(), List.of(
                new SchemaEntry("ietf-interfaces", Optional.of("2014-05-08"), "yang", Optional.of("urn:if"),
                        List.of("NETCONF")),
                new SchemaEntry("ietf-interfaces", Optional.of("2018-02-20"), "yang", Optional.of("urn:if"),
                        List.of("NETCONF")),
                new SchemaEntry("ietf-interfaces", Optional.of("2018-02-20"), "yin", Optional.empty(), List.of())),
                Optional.empty(), List.of());
        DeviceModules d = DeviceModules.merge(List.of(schemas, listing(DiscoverySource.YANG_LIBRARY,
                m("ietf-interfaces@2018-02-20", DiscoverySource.YANG_LIBRARY, Conformance.IMPLEMENT))), List.of());
        assertThat(d.module("ietf-interfaces").orElseThrow().namespace()).contains("urn:if");
        assertThat(d.unlistedSchemas()).extracting(e -> e.identifier() + "@" + e.version().orElse("") + " "
                + e.format()).containsExactly("ietf-interfaces@2014-05-08 yang");
        assertThat(d.schemas()).hasSize(3);
    }

    @Test
    void nothingKnownIsAnEmptyListNotAnError() {
        DeviceModules d = DeviceModules.none(List.of("hello: no modules"));
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.primarySource()).isEmpty();
        assertThat(d.describesImplementation()).isFalse();
    }
}
