package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The three built-in profiles load, build their schemas and hold valid initial configurations. */
class ProfilesTest {

    @Test
    void homeRouterLoads() throws Exception {
        Profile p = Profile.named("home-router");
        assertThat(p.modules()).extracting(Profile.ModuleInfo::name)
                .contains("ietf-system", "ietf-interfaces", "ietf-ip", "ietf-netconf", "ietf-yang-library");
        assertThat(p.initialListEntries()).isGreaterThan(5);
        assertThat(Profile.named("home-router")).isSameAs(p);
    }

    @Test
    void switchLoads() throws Exception {
        Profile p = Profile.named("switch");
        assertThat(p.modules()).extracting(Profile.ModuleInfo::name)
                .contains("openconfig-interfaces", "openconfig-vlan", "openconfig-lldp", "openconfig-system");
        assertThat(p.initialListEntries()).isGreaterThan(20);
    }

    @Test
    void largeHasAtLeastOneHundredThousandListEntries() throws Exception {
        Profile p = Profile.named("large");
        assertThat(p.initialListEntries()).isGreaterThanOrEqualTo(100_000);
    }
}
