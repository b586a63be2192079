package dev.homeport.netconf.server.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.server.host.CallHomePolicy.Backoff;
import dev.homeport.netconf.server.host.CallHomePolicy.Periodic;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CallHomePolicyTest {

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0);
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(b::ceiling).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        // far past the cap, no overflow
        assertThat(b.ceiling(10_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delay(3, new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void jitterOnlyShortensAndStaysWithinItsFraction() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2, 0.25);
        SplittableRandom random = new SplittableRandom(42);
        long distinct = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> b.delay(4, random))
                .peek(d -> assertThat(d).isBetween(Duration.ofMillis(6000), Duration.ofSeconds(8)))
                .distinct().count();
        assertThat(distinct).as("jitter spreads the delays").isGreaterThan(900);
    }

    @Test
    void periodsCountFromTheAnchor() {
        Instant anchor = Instant.parse("2026-01-01T00:00:00Z");
        Periodic p = new Periodic(Duration.ofMinutes(10), Optional.of(anchor), Duration.ofMinutes(3), 3);
        assertThat(p.nextBoundary(anchor, anchor)).isEqualTo(anchor.plus(Duration.ofMinutes(10)));
        assertThat(p.nextBoundary(anchor, anchor.plusSeconds(599))).isEqualTo(anchor.plus(Duration.ofMinutes(10)));
        assertThat(p.nextBoundary(anchor, anchor.plusSeconds(600))).isEqualTo(anchor.plus(Duration.ofMinutes(20)));
        assertThat(p.nextBoundary(anchor, anchor.plus(Duration.ofDays(1)).plusSeconds(1)))
                .isEqualTo(anchor.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(10)));
        // an anchor in the future is the first boundary
        assertThat(p.nextBoundary(anchor, anchor.minusSeconds(5))).isEqualTo(anchor);
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 0))
                .hasMessageContaining("initial <= max");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, 0))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 2, 1.5))
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> new Periodic(Duration.ZERO, Optional.empty(), Duration.ZERO, 1))
                .hasMessageContaining("period");
        assertThatThrownBy(() -> new KeepAlive(Duration.ofSeconds(1), 0)).hasMessageContaining("maxMissed");
        assertThatThrownBy(() -> CallHomePolicy.persistent().withConnectTimeout(Duration.ZERO))
                .hasMessageContaining("connectTimeout");
    }
}
