package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.DeviceSchema;
import dev.homeport.netconf.schema.DiscoverySource;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.schema.SchemaProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every module of every profile can be fetched with get-schema, and the engine's own schema discovery (RFC 8525
 * library by get-data, then get-schema downloads, then a yangtools build) reproduces the device's schema in full.
 */
class SchemaDiscoveryTest {
    @TempDir
    Path cache;

    @ParameterizedTest
    @ValueSource(strings = {"home-router", "switch", "large"})
    void getSchemaOfEveryModuleReturnsItsText(String profileName) throws Exception {
        Profile profile = Profile.named(profileName);
        SimulatedDevice device = SimulatedDevice.create("schema-" + profileName, profile);
        try (DeviceHost host = new DeviceHost(device); NetconfClient c = host.connect()) {
            for (Profile.ModuleInfo m : profile.modules()) {
                String text = c.getSchema(m.name(), m.revision().orElse(null), "yang");
                assertThat(text).as(m.name()).isEqualTo(m.text());
            }
            assertThat(error(() -> c.getSchema("no-such-module")).tag()).isEqualTo("invalid-value");
            assertThat(error(() -> c.getSchema("ietf-system", "1999-01-01", "yang")).tag())
                    .isEqualTo("invalid-value");
            assertThat(error(() -> c.getSchema(profile.modules().get(0).name(), null, "yin")).tag())
                    .isEqualTo("invalid-value");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"home-router", "switch"})
    void theEnginesDiscoveryBuildsTheDevicesWholeSchema(String profileName) throws Exception {
        Profile profile = Profile.named(profileName);
        SimulatedDevice device = SimulatedDevice.create("discover-" + profileName, profile);
        try (DeviceHost host = new DeviceHost(device); NetconfClient c = host.connect()) {
            DeviceSchema schema = DeviceSchema.load(c, new ModuleCache(cache), SchemaProgressListener.NONE);
            assertThat(schema.warnings()).isEmpty();
            assertThat(schema.partial()).isFalse();
            assertThat(schema.modules().primarySource()).contains(DiscoverySource.YANG_LIBRARY);
            for (Profile.ModuleInfo m : profile.modules()) {
                if (!m.isSubmodule()) {
                    assertThat(schema.build().includes(m.name())).as(m.name()).isTrue();
                }
            }
            assertThat(schema.context().getModules()).hasSameSizeAs(profile.context().getModules());
        }
    }
}
