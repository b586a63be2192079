package dev.homeport.yang.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.semantic.SemanticCodes;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid published modules with one error put in: the full diagnostics (syntax, index, our checks, yangtools)
 * report exactly that error, with its code, on its line, covering the offending argument token, and no other error.
 */
class SeededErrorTest {
    private static final String IF = "ietf/ietf-interfaces@2018-02-20.yang";
    private static final String IF_FILE = "ietf-interfaces@2018-02-20.yang";
    private static final String YANG = "ietf/ietf-yang-types@2013-07-15.yang";
    private static final String YANG_FILE = "ietf-yang-types@2013-07-15.yang";
    private static final String INET = "ietf/ietf-inet-types@2013-07-15.yang";
    private static final String IP = "ietf/ietf-ip@2018-02-22.yang";
    private static final String IP_FILE = "ietf-ip@2018-02-22.yang";
    private static final String IF_2014 = "ietf/ietf-interfaces@2014-05-08.yang";
    private static final String IF_2014_FILE = "ietf-interfaces@2014-05-08.yang";

    @TempDir
    Path dir;

    record Seed(String name, String code, Function<Path, SeededModules> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> seeds() {
        return Stream.of(
                seed("unknown type", CheckCodes.UNKNOWN_TYPE, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 334, "yang:date-and-time", "[[yang:date-and-tme]]")),
                seed("bad prefix", CheckCodes.UNKNOWN_PREFIX, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 396, "yang:gauge64", "[[yng:gauge64]]")),
                seed("missing key", CheckCodes.MISSING_KEY, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 107, "key \"name\";", "")
                        .edit(IF_FILE, 106, "list interface", "list [[interface]]")),
                seed("bad augment target", CheckCodes.UNRESOLVED_AUGMENT_TARGET, d -> new SeededModules(d, IP, IF, INET, YANG)
                        .edit(IP_FILE, 149, "\"/if:interfaces/if:interface\"", "[[\"/if:interfaces/if:interfaze\"]]")),
                seed("duplicate node", SemanticCodes.DUPLICATE_NODE, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 207, "leaf enabled {", "leaf [[name]] { type string; }\n      leaf enabled {")),
                seed("bad range", CheckCodes.INVALID_RANGE, d -> new SeededModules(d, IP, IF, INET, YANG)
                        .edit(IP_FILE, 184, "\"68..max\"", "[[\"68..70000\"]]")),
                seed("bad pattern", CheckCodes.INVALID_PATTERN, d -> new SeededModules(d, YANG)
                        .edit(YANG_FILE, 280, "'[a-zA-Z_][a-zA-Z0-9\\-_.]*'", "[['[a-zA-Z_][a-zA-Z0-9\\-_.*']]")),
                seed("import cycle", CheckCodes.IMPORT_CYCLE, d -> new SeededModules(d, IF, YANG)
                        .edit(YANG_FILE, 4, "prefix \"yang\";", "prefix \"yang\";\n  import [[ietf-interfaces]] { prefix if; }")),
                seed("unknown grouping", CheckCodes.UNKNOWN_GROUPING, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 207, "leaf enabled {", "uses [[no-such-grouping]];\n      leaf enabled {")),
                seed("bad leafref path", CheckCodes.UNRESOLVED_LEAFREF, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 57, "\"/if:interfaces/if:interface/if:name\"",
                                "[[\"/if:interfaces/if:interface/if:nmae\"]]")),
                seed("invalid default", CheckCodes.INVALID_DEFAULT, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 209, "\"true\"", "[[\"yes\"]]")),
                seed("identity cycle", CheckCodes.IDENTITY_CYCLE, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 68, "identity interface-type {", "identity interface-type {\n    base [[interface-type]];")),
                seed("xpath syntax", CheckCodes.XPATH_SYNTAX, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 207, "leaf enabled {", "leaf enabled {\n        must [[\"../name = \"]];")),
                seed("YANG 1.1 statement in a YANG 1 module", CheckCodes.REQUIRES_YANG_1_1, d -> new SeededModules(d, IF_2014, YANG)
                        .edit(IF_2014_FILE, 221, "leaf enabled {", "[[action]] reset;\n      leaf enabled {")),
                seed("bad refine target", CheckCodes.UNRESOLVED_REFINE_TARGET, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 207, "leaf enabled {", "container c { uses g { refine [[\"nothing\"]] { description \"x\"; } } }\n"
                                + "      grouping g { leaf q { type string; } }\n      leaf enabled {")),
                seed("bad deviation target", CheckCodes.UNRESOLVED_DEVIATION_TARGET, d -> new SeededModules(d, IP, IF, INET, YANG)
                        .edit(IP_FILE, 149, "augment", "deviation [[\"/if:interfaces/if:nothing\"]] { deviate not-supported; }\n  augment")),
                seed("bad key", CheckCodes.INVALID_KEY, d -> new SeededModules(d, IF, YANG)
                        .edit(IF_FILE, 107, "\"name\"", "[[\"nam\"]]")));
    }

    private static Arguments seed(String name, String code, Function<Path, SeededModules> build) {
        return Arguments.of(new Seed(name, code, build));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theSeededErrorIsTheOnlyErrorAndSitsOnItsToken(Seed seed) {
        SeededModules modules = seed.build().apply(dir);
        List<Diagnostic> all = modules.diagnostics();
        List<Diagnostic> errors = all.stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertThat(errors).as("errors of %s:%s", seed.name(), modules.describe(all)).hasSize(1);
        Diagnostic error = errors.get(0);
        assertThat(error.code()).as(modules.describe(all)).isEqualTo(seed.code());
        LineMap lines = LineMap.of(modules.text());
        assertThat(lines.position(error.span().start()).line())
                .isEqualTo(lines.position(modules.expected().get(0).start()).line());
        assertThat(error.span()).as("the offending argument token in%s", modules.describe(all))
                .isEqualTo(modules.expected().get(0));
    }
}
