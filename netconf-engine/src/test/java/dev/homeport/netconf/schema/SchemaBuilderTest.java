package dev.homeport.netconf.schema;

import static dev.homeport.netconf.schema.TestModules.IETF_IP;
import static dev.homeport.netconf.schema.TestModules.device;
import static dev.homeport.netconf.schema.TestModules.implemented;
import static dev.homeport.netconf.schema.TestModules.importOnly;
import static dev.homeport.netconf.schema.TestModules.module;
import static dev.homeport.netconf.schema.TestModules.plus;
import static dev.homeport.netconf.schema.TestModules.sources;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;

class SchemaBuilderTest {
    private static final QNameModule IF = QNameModule.ofRevision("urn:ietf:params:xml:ns:yang:ietf-interfaces",
            "2018-02-20");
    private static final QNameModule IP = QNameModule.ofRevision("urn:ietf:params:xml:ns:yang:ietf-ip", "2018-02-22");
    private static final QNameModule SNMP = QNameModule.ofRevision("urn:ietf:params:xml:ns:yang:ietf-snmp",
            "2014-12-10");

    private final SchemaBuilder builder = new SchemaBuilder();

    private SchemaBuildReport build(List<ModuleSource> sources, DeviceModules device) {
        return build(sources, device, Map.of());
    }

    private SchemaBuildReport build(List<ModuleSource> sources, DeviceModules device,
                                    Map<ModuleRef, String> unavailable) {
        return builder.build(sources, device, unavailable, SchemaProgressListener.NONE, Cancellation.none());
    }

    private static Optional<DataSchemaNode> node(EffectiveModelContext ctx, QName... path) {
        return ctx.findDataTreeChild(path);
    }

    private static Optional<DataSchemaNode> ifIndex(EffectiveModelContext ctx) {
        return node(ctx, QName.create(IF, "interfaces"), QName.create(IF, "interface"), QName.create(IF, "if-index"));
    }

    private static Optional<DataSchemaNode> mtu(EffectiveModelContext ctx) {
        return node(ctx, QName.create(IF, "interfaces"), QName.create(IF, "interface"), QName.create(IP, "ipv4"),
                QName.create(IP, "mtu"));
    }

    // ---------------------------------------------------------------- features

    @Test
    void onlyTheAnnouncedFeaturesAreEnabled() {
        var src = sources(IETF_IP);
        var without = build(src, device(implemented("ietf-interfaces@2018-02-20"),
                implemented("ietf-ip@2018-02-22"), importOnly("ietf-yang-types@2013-07-15"),
                importOnly("ietf-inet-types@2013-07-15")));
        var with = build(src, device(implemented("ietf-interfaces@2018-02-20", "if-mib"),
                implemented("ietf-ip@2018-02-22"), importOnly("ietf-yang-types@2013-07-15"),
                importOnly("ietf-inet-types@2013-07-15")));
        // if-index is "if-feature if-mib"
        assertThat(ifIndex(without.context())).isEmpty();
        assertThat(ifIndex(with.context())).isPresent();
        assertThat(without.partial()).isFalse();
        assertThat(without.warnings()).isEmpty();
    }

    @Test
    void withoutADeviceEveryFeatureIsEnabled() {
        var report = builder.build(sources(IETF_IP));
        assertThat(ifIndex(report.context())).isPresent();
        assertThat(report.included()).extracting(ModuleRef::id).containsExactly("ietf-inet-types@2013-07-15",
                "ietf-interfaces@2018-02-20", "ietf-ip@2018-02-22", "ietf-yang-types@2013-07-15");
    }

    @Test
    void featuresDeclaredInSubmodulesFollowTheirModule() {
        var src = sources("ietf-snmp@2014-12-10.yang", "ietf-snmp-common@2014-12-10.yang",
                "ietf-snmp-engine@2014-12-10.yang", "ietf-snmp-target@2014-12-10.yang",
                "ietf-snmp-notification@2014-12-10.yang", "ietf-snmp-proxy@2014-12-10.yang",
                "ietf-snmp-community@2014-12-10.yang", "ietf-snmp-usm@2014-12-10.yang",
                "ietf-snmp-tsm@2014-12-10.yang", "ietf-snmp-vacm@2014-12-10.yang", "ietf-snmp-tls@2014-12-10.yang",
                "ietf-snmp-ssh@2014-12-10.yang", "ietf-x509-cert-to-name@2014-12-10.yang",
                "ietf-netconf-acm@2018-02-14.yang", "ietf-yang-types@2013-07-15.yang",
                "ietf-inet-types@2013-07-15.yang");
        var report = build(src, device(implemented("ietf-snmp@2014-12-10", "proxy"),
                importOnly("ietf-x509-cert-to-name@2014-12-10"), importOnly("ietf-netconf-acm@2018-02-14"),
                importOnly("ietf-yang-types@2013-07-15"), importOnly("ietf-inet-types@2013-07-15")));
        assertThat(report.warnings()).isEmpty();
        QName snmp = QName.create(SNMP, "snmp");
        assertThat(node(report.context(), snmp, QName.create(SNMP, "proxy"))).isPresent();
        // tlstm is defined in the ietf-snmp-tls submodule and not announced
        assertThat(node(report.context(), snmp, QName.create(SNMP, "tlstm"))).isEmpty();
        assertThat(report.included()).extracting(ModuleRef::name).contains("ietf-snmp-tls", "ietf-snmp-common");
    }

    // ---------------------------------------------------------------- deviations

    @Test
    void announcedDeviationsAreApplied() {
        var report = build(sources(plus(IETF_IP, "example-ip-deviations@2024-01-01.yang")), device(
                module("ietf-interfaces@2018-02-20", Conformance.IMPLEMENT, Set.of(), List.of("example-ip-deviations")),
                module("ietf-ip@2018-02-22", Conformance.IMPLEMENT, Set.of(), List.of("example-ip-deviations")),
                implemented("example-ip-deviations@2024-01-01"), importOnly("ietf-yang-types@2013-07-15"),
                importOnly("ietf-inet-types@2013-07-15")));
        assertThat(report.warnings()).isEmpty();
        assertThat(mtu(report.context())).isEmpty();
        var description = (LeafSchemaNode) node(report.context(), QName.create(IF, "interfaces"),
                QName.create(IF, "interface"), QName.create(IF, "description")).orElseThrow();
        assertThat(((StringTypeDefinition) description.getType()).getLengthConstraint().orElseThrow()
                .getAllowedRanges().span().upperEndpoint()).isEqualTo(64);
    }

    @Test
    void deviationsTheDeviceDoesNotAnnounceAreNotApplied() {
        // the deviation module is there and implemented, but no module names it in its deviations
        var report = build(sources(plus(IETF_IP, "example-ip-deviations@2024-01-01.yang")), device(
                implemented("ietf-interfaces@2018-02-20"), implemented("ietf-ip@2018-02-22"),
                implemented("example-ip-deviations@2024-01-01"), importOnly("ietf-yang-types@2013-07-15"),
                importOnly("ietf-inet-types@2013-07-15")));
        assertThat(mtu(report.context())).isPresent();
        // without a device, the text is taken as it is: deviations apply
        assertThat(mtu(builder.build(sources(plus(IETF_IP, "example-ip-deviations@2024-01-01.yang"))).context()))
                .isEmpty();
    }

    @Test
    void aMissingDeviationModuleIsReported() {
        var report = build(sources(IETF_IP), device(
                module("ietf-ip@2018-02-22", Conformance.IMPLEMENT, Set.of(), List.of("example-ip-deviations")),
                implemented("ietf-interfaces@2018-02-20"), importOnly("ietf-yang-types@2013-07-15"),
                importOnly("ietf-inet-types@2013-07-15")),
                Map.of(ModuleRef.of("example-ip-deviations"), "get-schema failed: no such schema"));
        assertThat(mtu(report.context())).isPresent();
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(SchemaWarning.Kind.DEVIATION_NOT_APPLIED);
            assertThat(w.module()).contains(ModuleRef.parse("ietf-ip@2018-02-22"));
            assertThat(w.message()).contains("example-ip-deviations", "get-schema failed: no such schema");
        });
    }

    // ---------------------------------------------------------------- partial schemas

    @Test
    void aBrokenModuleIsLeftOutWithItsDependentsAndTheRestIsBuilt() {
        var report = builder.build(sources(plus(IETF_IP, "broken-module@2024-02-02.yang",
                "uses-broken@2024-02-03.yang")));
        assertThat(report.partial()).isTrue();
        assertThat(report.attempts()).isEqualTo(2);
        assertThat(ifIndex(report.context())).isPresent();
        assertThat(report.included()).extracting(ModuleRef::name)
                .contains("ietf-interfaces", "ietf-ip").doesNotContain("broken-module", "uses-broken");
        assertThat(report.dropped()).extracting(d -> d.module().id(), DroppedModule::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken-module@2024-02-02", DroppedModule.Reason.INVALID),
                org.assertj.core.groups.Tuple.tuple("uses-broken@2024-02-03", DroppedModule.Reason.DEPENDS_ON_DROPPED));
        assertThat(report.dropped().get(1).rootCause()).isEqualTo(ModuleRef.parse("broken-module@2024-02-02"));
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(SchemaWarning.Kind.INVALID_MODULE);
            assertThat(w.module()).contains(ModuleRef.parse("broken-module@2024-02-02"));
            // where, and what: the leaf's type statement on line 17
            assertThat(w.message()).contains("line 17:7: Type [(urn:example:broken-module?revision=2024-02-02)no-such-type] was not found");
            assertThat(w.dropped()).extracting(ModuleRef::name).containsExactly("broken-module", "uses-broken");
        });
    }

    @Test
    void aModuleWithAMissingImportIsLeftOutBeforeYangtoolsRuns() {
        var report = build(sources(plus(IETF_IP, "needs-missing@2024-03-03.yang",
                        "uses-needs-missing@2024-03-04.yang")), device(implemented("ietf-interfaces@2018-02-20"),
                        implemented("ietf-ip@2018-02-22"), implemented("needs-missing@2024-03-03"),
                        implemented("uses-needs-missing@2024-03-04"), importOnly("ietf-yang-types@2013-07-15"),
                        importOnly("ietf-inet-types@2013-07-15")),
                Map.of(ModuleRef.of("no-such-module"), "get-schema from 127.0.0.1:830 failed: no such schema"));
        assertThat(report.attempts()).isEqualTo(1);
        assertThat(report.included()).extracting(ModuleRef::name).contains("ietf-ip")
                .doesNotContain("needs-missing", "uses-needs-missing");
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(SchemaWarning.Kind.MISSING_DEPENDENCY);
            assertThat(w.module()).contains(ModuleRef.parse("needs-missing@2024-03-03"));
            assertThat(w.message()).contains("imports no-such-module", "get-schema from 127.0.0.1:830 failed");
            assertThat(w.dropped()).extracting(ModuleRef::name).containsExactly("needs-missing",
                    "uses-needs-missing");
        });
    }

    @Test
    void aMissingSubmoduleDropsItsModule() {
        var report = builder.build(sources("ietf-snmp@2014-12-10.yang", "ietf-snmp-common@2014-12-10.yang",
                "ietf-yang-types@2013-07-15.yang"));
        assertThat(report.drops("ietf-snmp")).isTrue();
        assertThat(report.dropped()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DroppedModule.Reason.MISSING_DEPENDENCY);
            assertThat(d.detail()).contains("includes submodule ietf-snmp-engine");
        });
        assertThat(report.included()).extracting(ModuleRef::name).containsExactly("ietf-yang-types");
    }

    @Test
    void modulesTheDeviceListsButNoOneCouldFetchAreReported() {
        var report = build(sources(IETF_IP), device(implemented("ietf-interfaces@2018-02-20"),
                        implemented("ietf-ip@2018-02-22"), implemented("toaster@2009-11-20"),
                        importOnly("ietf-yang-types@2013-07-15"), importOnly("ietf-inet-types@2013-07-15")),
                Map.of(ModuleRef.parse("toaster@2009-11-20"), "get-schema failed: access denied"));
        assertThat(report.dropped()).singleElement().satisfies(d -> {
            assertThat(d.module().id()).isEqualTo("toaster@2009-11-20");
            assertThat(d.reason()).isEqualTo(DroppedModule.Reason.UNAVAILABLE);
            assertThat(d.detail()).isEqualTo("get-schema failed: access denied");
        });
        assertThat(report.warnings()).singleElement()
                .satisfies(w -> assertThat(w.kind()).isEqualTo(SchemaWarning.Kind.DOWNLOAD));
    }

    @Test
    void importsNobodyUsesStayOutAndNothingAtAllStillGivesAContext() {
        // the device lists only ietf-yang-types (import-only): a library nobody imports is not in the schema
        var report = build(sources("ietf-yang-types@2013-07-15.yang", "ietf-inet-types@2013-07-15.yang"),
                device(importOnly("ietf-yang-types@2013-07-15")));
        assertThat(report.included()).isEmpty();
        var empty = builder.build(List.of());
        assertThat(empty.context().getModules()).isEmpty();
        assertThat(empty.partial()).isFalse();
    }

    @Test
    void anErrorThatNamesNoModuleIsPinnedDownByBisecting() {
        // yangtools failing without naming a source (an internal error) whenever interface-notes is built
        SchemaBuilder.Yangtools failing = (implemented, libraries, features, deviations) -> {
            if (implemented.stream().anyMatch(m -> m.name().equals("interface-notes"))) {
                throw new IllegalStateException("internal error in an effective statement");
            }
            return SchemaBuilder.YANGTOOLS.build(implemented, libraries, features, deviations);
        };
        var report = new SchemaBuilder(failing).build(sources(plus(IETF_IP, "interface-notes@2024-04-04.yang")),
                null, Map.of(), SchemaProgressListener.NONE, Cancellation.none());
        assertThat(report.dropped()).singleElement().satisfies(d -> {
            assertThat(d.module().id()).isEqualTo("interface-notes@2024-04-04");
            assertThat(d.reason()).isEqualTo(DroppedModule.Reason.INVALID);
            assertThat(d.detail()).contains("internal error in an effective statement");
        });
        assertThat(report.included()).extracting(ModuleRef::name).containsExactlyInAnyOrder("ietf-inet-types",
                "ietf-interfaces", "ietf-ip", "ietf-yang-types");
        // the whole set, log2(5) prefixes, then the set without the culprit
        assertThat(report.attempts()).isBetween(3, 6);
    }
}
