package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.data.EditError;
import dev.homeport.netconf.data.EditException;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.xml.SafeXml;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Validating only what changed since a valid baseline gives the verdict a full validation gives: for random edits
 * (applied in a row, so the baseline drifts), both agree on whether the result is valid and on the first error's tag.
 */
class IncrementalValidationPropertyTest {
    private static ContainerNode baseline;

    @Property(tries = 300)
    void incrementalAgreesWithFull(@ForAll("edits") List<String> pieces) throws Exception {
        Profile p = Profile.named("home-router");
        if (baseline == null) {
            baseline = p.initialConfig();
        }
        ContainerNode after;
        try {
            after = p.editor().apply(baseline, p.editor().parse(SafeXml.parseFragment(String.join("", pieces))),
                    DefaultOperation.MERGE);
        } catch (EditException e) {
            Statistics.collect("edit refused");
            return;
        }
        List<EditError> full = p.validator().validate(after);
        List<EditError> incremental = p.validator().validate(after, baseline);
        assertThat(incremental.isEmpty()).as("full: %s%nincremental: %s", full, incremental).isEqualTo(full.isEmpty());
        if (!full.isEmpty()) {
            assertThat(incremental.get(0).tag()).isEqualTo(full.get(0).tag());
            Statistics.collect("invalid");
        } else {
            Statistics.collect("valid");
            baseline = after; // go on from here
        }
    }

    @Provide
    Arbitrary<List<String>> edits() {
        return EditPieces.piece().list().ofMinSize(1).ofMaxSize(3);
    }
}
