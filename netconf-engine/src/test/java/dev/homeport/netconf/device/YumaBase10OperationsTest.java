package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import org.junit.jupiter.api.Test;

/**
 * The core operations against a device that speaks base:1.0 only ({@code --protocols=netconf1.0}): every message in
 * both directions uses the end-of-message delimiter although the engine offers base:1.1.
 */
class YumaBase10OperationsTest extends YumaCoreOperations {

    @Override
    YumaDevice.Options deviceOptions() {
        return new YumaDevice.Options().protocols("netconf1.0");
    }

    @Test
    void sessionFallsBackToEndOfMessageFraming() throws Exception {
        NetconfClient c = client;
        assertThat(SessionOptions.defaults().capabilities()).contains(Capability.BASE_1_1);
        assertThat(c.capabilities().has(Capability.BASE_1_0)).isTrue();
        assertThat(c.capabilities().base11()).isFalse();
        assertThat(c.session().framing()).isEqualTo(Framing.END_OF_MESSAGE);
    }
}
