package dev.homeport.netconf.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The module lists devices publish, read from real replies (yuma123) and an RFC 8525 library. */
class ModuleListingsTest {

    static String resource(String name) {
        try (InputStream in = ModuleListingsTest.class.getResourceAsStream("/schema/listings/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Element data(String name) throws Exception {
        return SafeXml.parse(resource(name)).getDocumentElement();
    }

    /** The hello of the yuma123 device, as ncclient printed it (one capability per line). */
    static Capabilities yumaHello() {
        return new Capabilities(resource("yuma-hello-capabilities.txt").lines().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void rfc8525LibraryTakesTheOperationalSchemaAndMergesItsModuleSets() throws Exception {
        ModuleListing l = ModuleListings.yangLibrary(data("rfc8525-yang-library.xml"));
        assertThat(l.source()).isEqualTo(DiscoverySource.YANG_LIBRARY);
        assertThat(l.contentId()).contains("75a43df9bd56b92aacc156a2958fbe12312fb285");
        // ietf-system is only in a module set that no datastore uses
        assertThat(l.modules()).extracting(DeviceModule::id).containsExactly(
                "ietf-interfaces@2018-02-20", "ietf-ip@2018-02-22", "example-ip-deviations@2024-01-01",
                "ietf-snmp@2014-12-10", "ietf-yang-types@2013-07-15", "ietf-yang-types@2010-09-24",
                "ietf-inet-types@2013-07-15", "ietf-datastores@2018-02-14");
        DeviceModule ifs = l.modules().get(0);
        // listed in both sets: features united
        assertThat(ifs.features()).containsExactlyInAnyOrder("if-mib", "pre-provisioning");
        assertThat(ifs.deviations()).containsExactly("example-ip-deviations");
        assertThat(ifs.conformance()).isEqualTo(Conformance.IMPLEMENT);
        assertThat(ifs.namespace()).contains("urn:ietf:params:xml:ns:yang:ietf-interfaces");
        DeviceModule snmp = l.modules().get(3);
        assertThat(snmp.submodules()).extracting(ModuleRef::id)
                .containsExactly("ietf-snmp-common@2014-12-10", "ietf-snmp-engine@2014-12-10");
        assertThat(l.modules().get(4).conformance()).isEqualTo(Conformance.IMPORT);
        // the entry named "bad/../name" is skipped, and said so
        assertThat(l.problems()).singleElement().asString().contains("bad/../name");
    }

    @Test
    void rfc7895ModulesStateOfYuma() throws Exception {
        ModuleListing l = ModuleListings.modulesState(data("yuma-modules-state.xml"));
        assertThat(l.source()).isEqualTo(DiscoverySource.MODULES_STATE);
        assertThat(l.problems()).isEmpty();
        assertThat(l.modules()).hasSize(27);
        DeviceModule ifs = l.modules().stream().filter(m -> m.name().equals("ietf-interfaces")).findFirst()
                .orElseThrow();
        assertThat(ifs.revision()).contains("2014-05-08");
        assertThat(ifs.features()).containsExactlyInAnyOrder("arbitrary-names", "pre-provisioning", "if-mib");
        assertThat(ifs.conformance()).isEqualTo(Conformance.IMPLEMENT);
        assertThat(l.modules()).filteredOn(m -> m.conformance() == Conformance.IMPORT).extracting(DeviceModule::name)
                .contains("ietf-yang-types", "ietf-inet-types", "iana-crypt-hash");
        assertThat(l.modules()).allMatch(m -> m.revision().isPresent() && m.namespace().isPresent());
    }

    @Test
    void rfc7895DeviationsSubmodulesAndModulesWithoutRevision() throws Exception {
        String xml = """
                <data xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
                  <modules-state xmlns="urn:ietf:params:xml:ns:yang:ietf-yang-library">
                    <module-set-id>42</module-set-id>
                    <module>
                      <name>example-router</name>
                      <revision></revision>
                      <namespace>urn:example:router</namespace>
                      <deviation><name>example-router-devs</name><revision>2020-01-01</revision></deviation>
                      <conformance-type>implement</conformance-type>
                      <submodule><name>example-router-bgp</name><revision>2019-05-05</revision></submodule>
                    </module>
                    <module>
                      <name>example-router-devs</name>
                      <revision>2020-01-01</revision>
                      <namespace>urn:example:router-devs</namespace>
                      <conformance-type>implement</conformance-type>
                    </module>
                  </modules-state>
                </data>""";
        ModuleListing l = ModuleListings.modulesState(SafeXml.parse(xml).getDocumentElement());
        assertThat(l.contentId()).contains("42");
        DeviceModule router = l.modules().get(0);
        assertThat(router.revision()).isEmpty();
        assertThat(router.id()).isEqualTo("example-router");
        assertThat(router.deviations()).containsExactly("example-router-devs");
        assertThat(router.submodules()).containsExactly(ModuleRef.of("example-router-bgp", "2019-05-05"));
    }

    @Test
    void netconfStateSchemasOfYuma() throws Exception {
        ModuleListing l = ModuleListings.netconfSchemas(data("yuma-netconf-state.xml"));
        assertThat(l.modules()).isEmpty();
        assertThat(l.schemas()).hasSize(27);
        SchemaEntry toaster = l.schemas().stream().filter(e -> e.identifier().equals("toaster")).findFirst()
                .orElseThrow();
        assertThat(toaster.version()).contains("2009-11-20");
        // "ncm:yang" with the device's prefix: the identity's local name counts
        assertThat(toaster.format()).isEqualTo("yang");
        assertThat(toaster.namespace()).contains("http://netconfcentral.org/ns/toaster");
        assertThat(toaster.locations()).containsExactly("NETCONF");
        assertThat(toaster.retrievableWithGetSchema()).isTrue();
    }

    @Test
    void helloOfYuma() {
        ModuleListing l = ModuleListings.hello(yumaHello());
        assertThat(l.modules()).hasSize(27);
        DeviceModule netconf = l.modules().stream().filter(m -> m.name().equals("ietf-netconf")).findFirst()
                .orElseThrow();
        assertThat(netconf.namespace()).contains("urn:ietf:params:xml:ns:netconf:base:1.0");
        assertThat(netconf.features()).contains("candidate", "xpath", "url");
        assertThat(netconf.conformance()).isEqualTo(Conformance.UNKNOWN);
        assertThat(netconf.implemented()).isTrue();
    }

    @Test
    void emptyOrForeignRepliesGiveEmptyListings() throws Exception {
        var data = SafeXml.parse("<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>").getDocumentElement();
        assertThat(ModuleListings.yangLibrary(data).isEmpty()).isTrue();
        assertThat(ModuleListings.modulesState(data).isEmpty()).isTrue();
        assertThat(ModuleListings.netconfSchemas(data).isEmpty()).isTrue();
        assertThat(ModuleListings.hello(new Capabilities(List.of("urn:ietf:params:netconf:base:1.1"))).isEmpty())
                .isTrue();
    }

    @Test
    void helloModulesWithHostileNamesAreSkipped() {
        var caps = new Capabilities(List.of("urn:ietf:params:netconf:base:1.1",
                "urn:x:evil?module=../../etc/passwd&revision=2020-01-01",
                "urn:x:odd?module=odd&revision=20-1-1",
                "urn:x:fine?module=fine&revision=2020-01-01&features=a,b"));
        ModuleListing l = ModuleListings.hello(caps);
        assertThat(l.modules()).extracting(DeviceModule::id).containsExactly("fine@2020-01-01");
        assertThat(l.modules().get(0).features()).isEqualTo(Set.of("a", "b"));
        assertThat(l.problems()).hasSize(2);
        assertThat(l.modules().get(0).listedBy()).containsExactly(DiscoverySource.HELLO);
        assertThat(l.contentId()).isEqualTo(Optional.empty());
    }
}
