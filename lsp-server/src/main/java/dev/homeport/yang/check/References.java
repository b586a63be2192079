package dev.homeport.yang.check;

import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.QualifiedName;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named references of a source, each with the span to report on: {@code type} (typedefs), {@code uses}
 * (groupings), {@code base} (identities), {@code if-feature} (features, each name of an expression) and extension
 * keywords ({@code prefix:name}).
 */
final class References {
    enum Kind {
        TYPEDEF("typedef"), GROUPING("grouping"), IDENTITY("identity"), FEATURE("feature"), EXTENSION("extension");

        final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    record Reference(Statement site, Kind kind, String text, Span span) {
        QualifiedName name() {
            return QualifiedName.parse(text);
        }
    }

    private static final Pattern FEATURE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*(?::[A-Za-z_][A-Za-z0-9_.\\-]*)?");

    private References() {
    }

    static List<Reference> of(Iterable<Statement> statements) {
        List<Reference> refs = new ArrayList<>();
        for (Statement s : statements) {
            if (s.isExtension()) {
                refs.add(new Reference(s, Kind.EXTENSION, s.keyword(), s.keywordSpan()));
            }
            String arg = s.argument();
            if (arg == null || !s.hasValidKeyword()) {
                continue;
            }
            switch (s.keyword()) {
                case "type" -> {
                    String t = arg.trim();
                    if (t.indexOf(':') >= 0 || BuiltinType.of(t) == null) {
                        refs.add(new Reference(s, Kind.TYPEDEF, t, CheckContext.argumentSpan(s)));
                    }
                }
                case "uses" -> refs.add(new Reference(s, Kind.GROUPING, arg.trim(), CheckContext.argumentSpan(s)));
                case "base" -> refs.add(new Reference(s, Kind.IDENTITY, arg.trim(), CheckContext.argumentSpan(s)));
                case "if-feature" -> {
                    Matcher m = FEATURE_NAME.matcher(arg);
                    while (m.find()) {
                        String name = m.group();
                        if (!name.equals("and") && !name.equals("or") && !name.equals("not")) {
                            refs.add(new Reference(s, Kind.FEATURE, name, CheckContext.argumentSpan(s)));
                        }
                    }
                }
                default -> {
                    // not a reference by name
                }
            }
        }
        return refs;
    }
}
